package io.claimport.audit.retention;

import java.time.Duration;

import io.claimport.common.event.Topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the audit service keeps what it stores, and how it removes the rest.
 *
 * @param requestLog how long a request stays in the request log
 * @param ledger how long the id of a processed request-log event is kept: past the
 * topic's retention (plus a day's margin) the event is gone from Kafka and cannot come
 * again
 * @param batchSize how many rows one short transaction removes
 * @param interval how often the job runs
 */
@ConfigurationProperties("claimport.audit.retention")
public record RetentionSettings(@DefaultValue("90d") Duration requestLog, @DefaultValue("8d") Duration ledger,
		@DefaultValue("5000") int batchSize, @DefaultValue("1h") Duration interval) {

	public RetentionSettings {
		if (ledger.compareTo(Topics.REQUEST_LOG_RETENTION) <= 0) {
			throw new IllegalArgumentException("claimport.audit.retention.ledger must be longer than the request-log "
					+ "topic's retention (" + Topics.REQUEST_LOG_RETENTION + "): an event still on the topic could "
					+ "be delivered again and stored twice");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("claimport.audit.retention.batch-size must be at least 1");
		}
	}

}

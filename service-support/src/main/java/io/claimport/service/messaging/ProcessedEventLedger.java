package io.claimport.service.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import io.claimport.common.event.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which events a consumer has applied, in the consumer's own database and
 * transaction: a redelivered event finds its id already there and is skipped, and if the
 * projection change rolls back, so does the record of having seen the event. Needs the
 * {@code processed_event} table (see the consuming services' migrations).
 * <p>
 * It also measures the projection's freshness: once the change commits,
 * {@code claimport.projection.delay{consumer}} records the time from the event's
 * occurrence to its projection.
 */
public class ProcessedEventLedger {

	private static final String DEFAULT_TABLE = "processed_event";

	private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	private final Clock clock;

	public ProcessedEventLedger(JdbcClient jdbc, MeterRegistry meters, Clock clock) {
		this.jdbc = jdbc;
		this.meters = meters;
		this.clock = clock;
	}

	/** True the first time this consumer sees the event; false for every redelivery. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(String consumer, EventEnvelope event) {
		return firstDelivery(consumer, event, DEFAULT_TABLE);
	}

	/**
	 * The same, kept in another table of the same shape: a projection that lives in a
	 * schema of its own (and is rebuilt as a whole) keeps its ledger in it.
	 * @param table the table, qualified by its schema
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(String consumer, EventEnvelope event, String table) {
		if (!TABLE_NAME.matcher(table).matches()) {
			throw new IllegalArgumentException("not a table name: " + table);
		}
		boolean first = this.jdbc
			.sql("INSERT INTO " + table
					+ " (consumer, event_id, processed_at) VALUES (:consumer, :eventId, now()) ON CONFLICT DO NOTHING")
			.param("consumer", consumer)
			.param("eventId", event.eventId())
			.update() == 1;
		if (first) {
			Timer delay = Timer.builder("claimport.projection.delay")
				.description("Time from an event's occurrence to its projection's commit")
				.tag("consumer", consumer)
				.publishPercentileHistogram()
				.register(this.meters);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					delay.record(Duration.between(event.occurredAt(), ProcessedEventLedger.this.clock.instant()));
				}
			});
		}
		return first;
	}

}

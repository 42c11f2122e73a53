package io.claimport.analytics.projection.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * A rebuild as an operator follows it.
 *
 * @param status {@code RUNNING}, {@code DONE} (it replaced the live projection),
 * {@code FAILED}, or {@code ABANDONED} (its replica stopped before it was done)
 * @param eventsReplayed the events it applied (events that project into nothing are not
 * counted)
 * @param lag the events of the domain topics it has yet to read, while it runs
 */
public record RebuildStatus(long id, String status, String consumerGroup, Instant requestedAt, Instant finishedAt,
		long eventsReplayed, Long lag, String failure) {

	public static final String RUNNING = "RUNNING";

	public static final String DONE = "DONE";

	public static final String FAILED = "FAILED";

	public static final String ABANDONED = "ABANDONED";

	/** Events applied per second, from the request to the end (or to now). */
	public long eventsPerSecond(Instant now) {
		Instant end = (this.finishedAt != null) ? this.finishedAt : now;
		long millis = Math.max(1, Duration.between(this.requestedAt, end).toMillis());
		return this.eventsReplayed * 1000 / millis;
	}

}

package io.claimport.service.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an operator alerts on for a service's outbox: {@code claimport.outbox.backlog},
 * the events written but not yet on Kafka, and {@code claimport.outbox.oldest.age}, how
 * long the oldest of them has waited (0 when there is none). A growing age means Kafka is
 * unreachable or the relay is stuck. One query answers both, at most once per
 * {@code refresh} however often they are scraped.
 */
class OutboxMetrics implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration refresh;

	private volatile Snapshot snapshot;

	OutboxMetrics(JdbcClient jdbc, Clock clock, Duration refresh) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.refresh = refresh;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("claimport.outbox.backlog", this, (metrics) -> metrics.current().backlog())
			.description("Events in the outbox not yet published to Kafka")
			.baseUnit("events")
			.register(registry);
		Gauge.builder("claimport.outbox.oldest.age", this, (metrics) -> metrics.current().oldestAgeSeconds())
			.description("Seconds the oldest unpublished event has waited in the outbox; 0 when none waits")
			.baseUnit("seconds")
			.register(registry);
	}

	Snapshot current() {
		Instant now = this.clock.instant();
		Snapshot last = this.snapshot;
		if (last != null && last.takenAt().plus(this.refresh).isAfter(now)) {
			return last;
		}
		Snapshot fresh;
		try {
			fresh = this.jdbc.sql("""
					SELECT count(*) AS backlog, min(created_at) AS oldest
					FROM outbox_record WHERE status <> 'COMPLETED'
					""").query((rows, number) -> {
				Timestamp oldest = rows.getTimestamp("oldest");
				double age = (oldest == null) ? 0
						: Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
				return new Snapshot(now, rows.getLong("backlog"), age);
			}).single();
		}
		catch (RuntimeException ex) {
			// the database is away: say so in the gauges (NaN) instead of failing
			// the scrape
			log.debug("Could not read the outbox backlog", ex);
			fresh = new Snapshot(now, Double.NaN, Double.NaN);
		}
		this.snapshot = fresh;
		return fresh;
	}

	record Snapshot(Instant takenAt, double backlog, double oldestAgeSeconds) {

	}

}

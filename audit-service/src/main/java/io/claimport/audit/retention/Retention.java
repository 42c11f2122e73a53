package io.claimport.audit.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes request-log entries older than the retention, and ledger entries of events that
 * can no longer be delivered again, on a schedule: in batches of a few thousand rows,
 * each its own short transaction (row locks on that batch only, so that the consumer and
 * the readers never wait long), oldest first through the tables' time indexes. One
 * replica sweeps at a time: a batch runs only while it holds the sweep's advisory lock,
 * and a replica that finds it held leaves the sweep to the other.
 */
@Component
public class Retention {

	private static final Logger logger = LoggerFactory.getLogger(Retention.class);

	/** The advisory lock of the sweep ("retentio" in ASCII). */
	private static final long SWEEP_LOCK = 0x726574656e74696fL;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RetentionSettings settings;

	private final MeterRegistry meters;

	private final Clock clock;

	Retention(JdbcClient jdbc, TransactionTemplate transactions, RetentionSettings settings, MeterRegistry meters,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.settings = settings;
		this.meters = meters;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${claimport.audit.retention.interval:1h}",
			initialDelayString = "${claimport.audit.retention.interval:1h}")
	void scheduled() {
		try {
			Swept swept = sweep();
			if (swept.requests() + swept.ledgerEntries() > 0) {
				logger.info("Retention removed {} requests older than {} and {} ledger entries older than {}",
						swept.requests(), this.settings.requestLog(), swept.ledgerEntries(), this.settings.ledger());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("The retention sweep failed; it runs again in {}", this.settings.interval(), ex);
		}
	}

	/** One sweep of both tables, batch after batch until nothing old is left. */
	public Swept sweep() {
		Instant now = this.clock.instant();
		Removal requests = removeAll("request_log", "request_id", "received_at", now.minus(this.settings.requestLog()));
		Removal ledger = removeAll("processed_event", "consumer, event_id", "processed_at",
				now.minus(this.settings.ledger()));
		return new Swept(requests.rows(), ledger.rows(), requests.batches() + ledger.batches());
	}

	private Removal removeAll(String table, String key, String time, Instant before) {
		long rows = 0;
		int batches = 0;
		while (true) {
			Integer removed = this.transactions.execute((status) -> {
				boolean mine = this.jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
					.param("lock", SWEEP_LOCK)
					.query(Boolean.class)
					.single();
				if (!mine) {
					return null;
				}
				return this.jdbc
					.sql("DELETE FROM " + table + " WHERE (" + key + ") IN (SELECT " + key + " FROM " + table
							+ " WHERE " + time + " < :before ORDER BY " + time + " LIMIT :batch)")
					.param("before", Timestamp.from(before))
					.param("batch", this.settings.batchSize())
					.update();
			});
			if (removed == null) {
				break;
			}
			batches++;
			rows += removed;
			this.meters.counter("claimport.audit.retention.removed", "table", table).increment(removed);
			if (removed < this.settings.batchSize()) {
				break;
			}
		}
		return new Removal(rows, batches);
	}

	/** What a sweep removed, and in how many transactions. */
	public record Swept(long requests, long ledgerEntries, int batches) {

	}

	private record Removal(long rows, int batches) {

	}

}

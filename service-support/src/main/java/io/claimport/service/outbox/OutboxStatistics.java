package io.claimport.service.outbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps PostgreSQL's statistics of the outbox in step with a burst of records. The
 * outbox's poll asks which record keys have no earlier record pending; planned with the
 * statistics of a near-empty table while a bulk import fills it with thousands of
 * records, that query joins the table to itself row by row and runs for minutes, and no
 * event leaves meanwhile (a 50,000-product import stalled the catalog's outbox for four
 * minutes in the analytics benchmark). Autovacuum notices only a minute or so later. So a
 * transaction that records many events has the table analyzed once it commits: one
 * {@code ANALYZE} at a time, in the background, a few hundred milliseconds of work.
 */
class OutboxStatistics {

	/** How many records in one transaction make a burst. */
	static final int BURST = 500;

	private static final Logger logger = LoggerFactory.getLogger(OutboxStatistics.class);

	private static final String COUNT = OutboxStatistics.class.getName() + ".count";

	private final JdbcClient jdbc;

	private final ExecutorService analyzer = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "outbox-analyze");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean pending = new AtomicBoolean();

	OutboxStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts a record of the current transaction; the burst's one is followed by an
	 * analyze.
	 */
	void recorded() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		int[] count = (int[]) TransactionSynchronizationManager.getResource(COUNT);
		if (count == null) {
			count = new int[1];
			TransactionSynchronizationManager.bindResource(COUNT, count);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(COUNT);
				}
			});
		}
		if (++count[0] == BURST) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					analyze();
				}
			});
		}
	}

	private void analyze() {
		if (!this.pending.compareAndSet(false, true)) {
			return;
		}
		this.analyzer.execute(() -> {
			try {
				this.jdbc.sql("ANALYZE outbox_record").update();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not analyze the outbox after a burst of records", ex);
			}
			finally {
				this.pending.set(false);
			}
		});
	}

	void close() {
		this.analyzer.shutdownNow();
	}

}

package io.claimport.gateway.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every gateway replica which cached keys a change made stale. A change is a row in
 * {@code key_change}, written in the transaction that changes the key; each replica reads
 * the recent rows every {@code claimport.gateway.keys.change-poll-interval} (250 ms) and
 * drops those keys from its cache, so a revocation holds everywhere within a second. The
 * replica that made the change drops the key as soon as it commits.
 * <p>
 * It reads a window of recent rows rather than "rows after the last id" because ids of
 * concurrent transactions can commit out of order; a replica cut off from the database
 * widens the window by the time it was cut off.
 */
@Component
class KeyChangeFeed {

	private static final Logger log = LoggerFactory.getLogger(KeyChangeFeed.class);

	/** Longer than any transaction that changes a key. */
	private static final Duration WINDOW = Duration.ofSeconds(30);

	private static final Duration RETENTION = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final ApiKeyDirectory directory;

	private final Clock clock;

	private final Map<Long, Instant> applied = new LinkedHashMap<>();

	private Instant lastRead;

	KeyChangeFeed(JdbcClient jdbc, ApiKeyDirectory directory, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
		this.lastRead = clock.instant();
	}

	/** Records that a key (or, with a null keyId, every key of an account) changed. */
	@Transactional(propagation = Propagation.MANDATORY)
	void changed(String accountId, String keyId) {
		this.jdbc.sql("INSERT INTO key_change (account_id, key_id) VALUES (:accountId, :keyId)")
			.param("accountId", accountId)
			.param("keyId", keyId)
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				KeyChangeFeed.this.directory.forget(accountId, keyId);
			}
		});
	}

	@Scheduled(fixedDelayString = "${claimport.gateway.keys.change-poll-interval}")
	synchronized void readChanges() {
		Instant now = this.clock.instant();
		Duration sinceLastRead = Duration.between(this.lastRead, now);
		Duration lookBack = sinceLastRead.isNegative() ? WINDOW : WINDOW.plus(sinceLastRead);
		try {
			List<Change> changes = this.jdbc.sql(
					"SELECT id, account_id, key_id FROM key_change WHERE changed_at > now() - make_interval(secs => :seconds)")
				.param("seconds", lookBack.toMillis() / 1000.0)
				.query((rs, rowNum) -> new Change(rs.getLong("id"), rs.getString("account_id"), rs.getString("key_id")))
				.list();
			for (Change change : changes) {
				if (this.applied.putIfAbsent(change.id(), now) == null) {
					this.directory.forget(change.accountId(), change.keyId());
				}
			}
			this.lastRead = now;
			forgetAppliedBefore(now.minus(lookBack).minus(WINDOW));
		}
		catch (RuntimeException ex) {
			log.warn("Could not read key changes; will look further back next time: {}", ex.getMessage());
		}
	}

	@Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS)
	void deleteOldChanges() {
		this.jdbc.sql("DELETE FROM key_change WHERE changed_at < now() - make_interval(secs => :seconds)")
			.param("seconds", RETENTION.toSeconds())
			.update();
	}

	private void forgetAppliedBefore(Instant cutoff) {
		for (Iterator<Instant> seen = this.applied.values().iterator(); seen.hasNext();) {
			if (seen.next().isBefore(cutoff)) {
				seen.remove();
			}
		}
	}

	private record Change(long id, String accountId, String keyId) {

	}

}

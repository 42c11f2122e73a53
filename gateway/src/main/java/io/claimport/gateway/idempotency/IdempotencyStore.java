package io.claimport.gateway.idempotency;

import java.util.Arrays;
import java.util.Optional;

import io.claimport.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The gateway's record of {@code Idempotency-Key}s, in its PostgreSQL (V7), shared by
 * every replica and timed by the database's clock. A key is taken by one insert, answered
 * by one update; a key whose day is over is taken again as if new, and removed by
 * {@link #removeExpired()}.
 */
@Repository
class IdempotencyStore {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);

	private static final int REMOVAL_BATCH = 1000;

	private final JdbcClient jdbc;

	private final GatewayProperties.Idempotency settings;

	IdempotencyStore(JdbcClient jdbc, GatewayProperties properties) {
		this.jdbc = jdbc;
		this.settings = properties.idempotency();
	}

	/** What a request found when it tried to take its key. */
	sealed interface Taken {

	}

	/** The key is this request's: it runs. */
	record First() implements Taken {

	}

	/**
	 * Another request has the key.
	 *
	 * @param sameRequest whether it was the same method, path and body
	 * @param status its answer's status, null while it runs
	 * @param abandoned whether it ran past its lock without an answer
	 */
	record Earlier(boolean sameRequest, Integer status, byte[] answer, boolean abandoned) implements Taken {

	}

	Taken take(byte[] id, byte[] fingerprint) {
		for (int attempt = 0;; attempt++) {
			boolean first = this.jdbc.sql("""
					INSERT INTO idempotency_key (id, fingerprint, created_at, locked_until, expires_at)
					VALUES (:id, :fingerprint, now(), now() + :lockMillis * interval '1 millisecond',
					        now() + :retentionMillis * interval '1 millisecond')
					ON CONFLICT (id) DO UPDATE
					    SET fingerprint = excluded.fingerprint, status = NULL, answer = NULL,
					        created_at = excluded.created_at, locked_until = excluded.locked_until,
					        expires_at = excluded.expires_at
					    WHERE idempotency_key.expires_at < now()
					RETURNING true
					""")
				.param("id", id)
				.param("fingerprint", fingerprint)
				.param("lockMillis", this.settings.lock().toMillis())
				.param("retentionMillis", this.settings.retention().toMillis())
				.query(Boolean.class)
				.optional()
				.isPresent();
			if (first) {
				return new First();
			}
			Optional<Earlier> earlier = this.jdbc
				.sql("SELECT fingerprint, status, answer, locked_until < now() AS abandoned "
						+ "FROM idempotency_key WHERE id = :id")
				.param("id", id)
				.query((rs, row) -> new Earlier(Arrays.equals(rs.getBytes("fingerprint"), fingerprint),
						(Integer) rs.getObject("status"), rs.getBytes("answer"), rs.getBoolean("abandoned")))
				.optional();
			// removed as expired between the two statements: take it again
			if (earlier.isPresent() || attempt == 2) {
				return earlier.orElseThrow();
			}
		}
	}

	/**
	 * Keeps the answer of the request that took the key; false if the key is no longer
	 * its (taken for abandoned meanwhile).
	 */
	boolean answer(byte[] id, byte[] fingerprint, int status, byte[] sealedAnswer) {
		return this.jdbc
			.sql("UPDATE idempotency_key SET status = :status, answer = :answer "
					+ "WHERE id = :id AND fingerprint = :fingerprint AND status IS NULL")
			.param("status", status)
			.param("answer", sealedAnswer)
			.param("id", id)
			.param("fingerprint", fingerprint)
			.update() == 1;
	}

	/**
	 * Gives the key up, for a request that changed nothing and may be sent again with it
	 * (its service could not be reached, or said to come back later).
	 */
	void release(byte[] id, byte[] fingerprint) {
		this.jdbc.sql("DELETE FROM idempotency_key WHERE id = :id AND fingerprint = :fingerprint AND status IS NULL")
			.param("id", id)
			.param("fingerprint", fingerprint)
			.update();
	}

	/**
	 * Answers an abandoned key with what is known of it; false if it was answered
	 * meanwhile.
	 */
	boolean answerAbandoned(byte[] id, int status, byte[] sealedAnswer) {
		return this.jdbc
			.sql("UPDATE idempotency_key SET status = :status, answer = :answer "
					+ "WHERE id = :id AND status IS NULL AND locked_until < now()")
			.param("status", status)
			.param("answer", sealedAnswer)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Removes the keys whose day is over, a bounded batch at a time, skipping rows
	 * another replica is removing.
	 */
	@Scheduled(fixedDelayString = "${claimport.gateway.idempotency.removal-interval:10m}",
			initialDelayString = "${claimport.gateway.idempotency.removal-interval:10m}")
	void removeExpired() {
		int removed = 0;
		int batch;
		do {
			batch = this.jdbc.sql("""
					DELETE FROM idempotency_key WHERE id IN (
					    SELECT id FROM idempotency_key WHERE expires_at < now()
					    LIMIT :batch FOR UPDATE SKIP LOCKED)
					""").param("batch", REMOVAL_BATCH).update();
			removed += batch;
		}
		while (batch == REMOVAL_BATCH);
		if (removed > 0) {
			log.debug("Removed {} expired idempotency keys", removed);
		}
	}

}

package io.claimport.gateway.ratelimit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class QuotaStore {

	private final JdbcClient jdbc;

	QuotaStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long usedOn(String keyId, LocalDate day) {
		return this.jdbc.sql("SELECT used FROM daily_quota_usage WHERE key_id = :keyId AND day = :day")
			.param("keyId", keyId)
			.param("day", Date.valueOf(day))
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * All or nothing, so that increments that failed can be retried without counting
	 * twice.
	 */
	@Transactional
	void add(List<Increment> increments) {
		for (Increment increment : increments) {
			this.jdbc.sql("""
					INSERT INTO daily_quota_usage (key_id, day, used) VALUES (:keyId, :day, :requests)
					ON CONFLICT (key_id, day) DO UPDATE SET used = daily_quota_usage.used + EXCLUDED.used
					""")
				.param("keyId", increment.keyId())
				.param("day", Date.valueOf(increment.day()))
				.param("requests", increment.requests())
				.update();
		}
	}

	record Increment(String keyId, LocalDate day, long requests) {

	}

}

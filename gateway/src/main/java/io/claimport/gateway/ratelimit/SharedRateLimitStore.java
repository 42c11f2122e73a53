package io.claimport.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Both limits of a key decided in the gateway's PostgreSQL by one function call
 * ({@code claimport_acquire}, see V5__shared_rate_limits.sql): one round trip per
 * request, exact for all replicas together, timed by the database's clock.
 */
@Repository
class SharedRateLimitStore {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	SharedRateLimitStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	RateLimitDecision acquire(String keyId, int minuteLimit, long dayLimit, Instant now) {
		Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC)
			.plusDays(1)
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
		return this.jdbc.sql("SELECT * FROM claimport_acquire(:keyId, :minuteLimit, :windowMillis, :dayLimit)")
			.param("keyId", keyId)
			.param("minuteLimit", minuteLimit)
			.param("windowMillis", WINDOW.toMillis())
			.param("dayLimit", dayLimit)
			.query((rs, rowNum) -> {
				String refusedBy = rs.getString("refused_by");
				return new RateLimitDecision((refusedBy != null) ? RateLimitDecision.Refusal.valueOf(refusedBy) : null,
						minuteLimit, rs.getInt("minute_remaining"), Duration.ofMillis(rs.getLong("minute_reset_ms")),
						Duration.ofMillis(rs.getLong("minute_retry_ms")), dayLimit,
						Math.max(0, dayLimit - rs.getLong("day_used")), Duration.between(now, midnight));
			})
			.single();
	}

}

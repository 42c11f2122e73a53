package io.claimport.gateway.lockout;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed authentications and lockouts in the gateway's PostgreSQL, for all replicas. */
@Repository
class SharedLockoutStore {

	private final JdbcClient jdbc;

	SharedLockoutStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a failure and, if it is the one that reaches the limit, the lockout; the
	 * address's lockout end, if it is locked out now.
	 */
	Optional<Instant> failed(String address, int maxFailures, Duration window, Duration lockout) {
		return this.jdbc
			.sql("""
					WITH failure AS (
					    INSERT INTO auth_failure (address) VALUES (:address)
					), recent AS (
					    SELECT count(*) + 1 AS failures FROM auth_failure
					    WHERE address = :address AND failed_at > clock_timestamp() - make_interval(secs => :window)
					)
					INSERT INTO address_lockout (address, locked_until)
					SELECT :address, clock_timestamp() + make_interval(secs => :lockout) FROM recent
					WHERE failures >= :maxFailures
					ON CONFLICT (address) DO UPDATE SET locked_until = greatest(address_lockout.locked_until, excluded.locked_until)
					RETURNING locked_until
					""")
			.param("address", address)
			.param("window", window.toSeconds())
			.param("lockout", lockout.toSeconds())
			.param("maxFailures", maxFailures)
			.query((rs, rowNum) -> rs.getTimestamp("locked_until").toInstant())
			.optional();
	}

	Map<String, Instant> current() {
		return this.jdbc.sql("SELECT address, locked_until FROM address_lockout WHERE locked_until > clock_timestamp()")
			.query((rs, rowNum) -> Map.entry(rs.getString("address"), rs.getTimestamp("locked_until").toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

	void deleteBefore(Instant cutoff) {
		this.jdbc.sql("DELETE FROM auth_failure WHERE failed_at < :cutoff")
			.param("cutoff", Timestamp.from(cutoff))
			.update();
		this.jdbc.sql("DELETE FROM address_lockout WHERE locked_until < :cutoff")
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

}

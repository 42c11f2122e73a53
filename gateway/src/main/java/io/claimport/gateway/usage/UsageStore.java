package io.claimport.gateway.usage;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class UsageStore {

	private final JdbcClient jdbc;

	UsageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** All or nothing, so that a failed batch can be retried without counting twice. */
	@Transactional
	void add(Map<UsageCounters.KeyDay, KeyUsage> counts) {
		counts.forEach((keyDay, usage) -> this.jdbc.sql("""
				INSERT INTO key_usage (key_id, day, requests, client_errors, server_errors, last_used_at, last_used_ip)
				VALUES (:keyId, :day, :requests, :clientErrors, :serverErrors, :lastUsedAt, :lastUsedIp)
				ON CONFLICT (key_id, day) DO UPDATE SET
				    requests = key_usage.requests + excluded.requests,
				    client_errors = key_usage.client_errors + excluded.client_errors,
				    server_errors = key_usage.server_errors + excluded.server_errors,
				    last_used_ip = CASE WHEN excluded.last_used_at >= key_usage.last_used_at
				                        THEN excluded.last_used_ip ELSE key_usage.last_used_ip END,
				    last_used_at = greatest(key_usage.last_used_at, excluded.last_used_at)
				""")
			.param("keyId", keyDay.keyId())
			.param("day", Date.valueOf(keyDay.day()))
			.param("requests", usage.requests())
			.param("clientErrors", usage.clientErrors())
			.param("serverErrors", usage.serverErrors())
			.param("lastUsedAt", Timestamp.from(usage.lastUsedAt()))
			.param("lastUsedIp", usage.lastUsedIp())
			.update());
	}

	/** For each key: its counts on the day, and its last use on any day. */
	Map<String, KeyUsage> on(Collection<String> keyIds, LocalDate day) {
		Map<String, KeyUsage> usage = new HashMap<>();
		if (keyIds.isEmpty()) {
			return usage;
		}
		this.jdbc.sql("""
				SELECT DISTINCT ON (key_id) key_id, last_used_at, last_used_ip FROM key_usage
				WHERE key_id IN (:keyIds) ORDER BY key_id, day DESC
				""").param("keyIds", keyIds).query((ResultSet rs) -> {
			usage.put(rs.getString("key_id"),
					new KeyUsage(0, 0, 0, rs.getTimestamp("last_used_at").toInstant(), rs.getString("last_used_ip")));
		});
		this.jdbc.sql("SELECT * FROM key_usage WHERE key_id IN (:keyIds) AND day = :day")
			.param("keyIds", keyIds)
			.param("day", Date.valueOf(day))
			.query((ResultSet rs) -> {
				KeyUsage last = usage.get(rs.getString("key_id"));
				usage.put(rs.getString("key_id"), new KeyUsage(rs.getLong("requests"), rs.getLong("client_errors"),
						rs.getLong("server_errors"), last.lastUsedAt(), last.lastUsedIp()));
			});
		return usage;
	}

}

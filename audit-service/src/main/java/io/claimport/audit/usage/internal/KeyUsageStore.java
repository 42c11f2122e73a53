package io.claimport.audit.usage.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class KeyUsageStore {

	private final JdbcClient jdbc;

	KeyUsageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(KeyDayUsage usage) {
		this.jdbc.sql("""
				INSERT INTO key_usage_day (account_id, key_id, day, requests, client_errors, server_errors,
				                           last_used_at, last_used_ip)
				VALUES (:accountId, :keyId, :day, :requests, :clientErrors, :serverErrors, :at, :ip)
				ON CONFLICT (account_id, key_id, day) DO UPDATE SET
				    requests = key_usage_day.requests + excluded.requests,
				    client_errors = key_usage_day.client_errors + excluded.client_errors,
				    server_errors = key_usage_day.server_errors + excluded.server_errors,
				    last_used_ip = CASE WHEN excluded.last_used_at >= key_usage_day.last_used_at
				                        THEN excluded.last_used_ip ELSE key_usage_day.last_used_ip END,
				    last_used_at = greatest(key_usage_day.last_used_at, excluded.last_used_at)
				""")
			.param("accountId", usage.accountId())
			.param("keyId", usage.keyId())
			.param("day", Date.valueOf(usage.day()))
			.param("requests", usage.requests())
			.param("clientErrors", usage.clientErrors())
			.param("serverErrors", usage.serverErrors())
			.param("at", Timestamp.from(usage.lastUsedAt()))
			.param("ip", usage.lastUsedIp())
			.update();
	}

	/** Oldest day first; every key of the account when keyId is null. */
	List<UsageRow> find(String accountId, String keyId, UsagePeriod period) {
		return this.jdbc.sql("""
				SELECT * FROM key_usage_day
				WHERE account_id = :accountId AND (CAST(:keyId AS VARCHAR) IS NULL OR key_id = :keyId)
				  AND day BETWEEN :from AND :to
				ORDER BY day, key_id
				""")
			.param("accountId", accountId)
			.param("keyId", keyId)
			.param("from", Date.valueOf(period.from()))
			.param("to", Date.valueOf(period.to()))
			.query((rs, rowNum) -> new UsageRow(rs.getString("key_id"), rs.getDate("day").toLocalDate(),
					rs.getLong("requests"), rs.getLong("client_errors"), rs.getLong("server_errors"),
					rs.getTimestamp("last_used_at").toInstant(), rs.getString("last_used_ip")))
			.list();
	}

}

package io.claimport.audit.usage.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimport.common.page.Connection;
import io.claimport.common.page.CursorPage;
import io.claimport.common.page.KeysetSql;
import io.claimport.service.page.SortKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class KeyUsageStore {

	/** The account's rows of the period: of one key, when one is given. */
	private static final String SELECT = """
			SELECT * FROM key_usage_day
			WHERE account_id = :accountId AND (CAST(:keyId AS VARCHAR) IS NULL OR key_id = :keyId)
			  AND day BETWEEN :from AND :to""";

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
		return this.jdbc.sql(SELECT + " ORDER BY day, key_id")
			.params(filter(accountId, keyId, period))
			.query(KeyUsageStore::row)
			.list();
	}

	/** A page of the rows beyond the cursor, by day and key. */
	Connection<UsageRow> walk(String accountId, String keyId, UsagePeriod period, SortKey<UsageRow> sort,
			CursorPage page) {
		Map<String, Object> params = filter(accountId, keyId, period);
		Object value = (page.cursor() != null) ? Date.valueOf(LocalDate.parse(page.cursor().value())) : null;
		KeysetSql keyset = new KeysetSql("day", "key_id", sort.ascending(), page, value);
		params.putAll(keyset.params());
		List<UsageRow> fetched = this.jdbc
			.sql(SELECT + " AND " + keyset.beyond() + " ORDER BY " + keyset.orderBy() + " LIMIT " + keyset.limit())
			.params(params)
			.query(KeyUsageStore::row)
			.list();
		boolean behind = this.jdbc.sql("SELECT EXISTS (" + SELECT + " AND " + keyset.behind() + ")")
			.params(params)
			.query(Boolean.class)
			.single();
		return keyset.connection(fetched, behind, sort.parameter(), (row) -> row.day().toString(), UsageRow::keyId);
	}

	private static Map<String, Object> filter(String accountId, String keyId, UsagePeriod period) {
		Map<String, Object> params = new HashMap<>();
		params.put("accountId", accountId);
		params.put("keyId", keyId);
		params.put("from", Date.valueOf(period.from()));
		params.put("to", Date.valueOf(period.to()));
		return params;
	}

	private static UsageRow row(ResultSet rs, int rowNum) throws SQLException {
		return new UsageRow(rs.getString("key_id"), rs.getDate("day").toLocalDate(), rs.getLong("requests"),
				rs.getLong("client_errors"), rs.getLong("server_errors"), rs.getTimestamp("last_used_at").toInstant(),
				rs.getString("last_used_ip"));
	}

}

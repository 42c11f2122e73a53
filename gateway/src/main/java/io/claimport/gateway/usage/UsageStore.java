package io.claimport.gateway.usage;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.claimport.common.page.Connection;
import io.claimport.common.page.CursorPage;
import io.claimport.common.page.KeysetSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class UsageStore {

	/** How usage rows are walked: by day, then key. */
	static final String DAY = "day";

	private static final String HISTORY = """
			SELECT u.* FROM key_usage u JOIN api_key k ON k.id = u.key_id
			WHERE k.account_id = :accountId AND u.day BETWEEN :from AND :to""";

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

	/** The account's usage rows of the period (of one key, if given), by day then key. */
	List<UsageRow> history(String accountId, String keyId, UsagePeriod period) {
		return this.jdbc.sql(history(keyId) + " ORDER BY u.day, u.key_id")
			.params(historyParams(accountId, keyId, period))
			.query(UsageStore::row)
			.list();
	}

	/**
	 * A page of the account's usage rows of the period beyond a cursor, by (day, key).
	 */
	Connection<UsageRow> history(String accountId, String keyId, UsagePeriod period, CursorPage page) {
		Object value = (page.cursor() != null) ? Date.valueOf(LocalDate.parse(page.cursor().value())) : null;
		KeysetSql keyset = new KeysetSql("u.day", "u.key_id", true, page, value);
		Map<String, Object> params = historyParams(accountId, keyId, period);
		params.putAll(keyset.params());
		List<UsageRow> fetched = this.jdbc
			.sql(history(keyId) + " AND " + keyset.beyond() + " ORDER BY " + keyset.orderBy() + " LIMIT "
					+ keyset.limit())
			.params(params)
			.query(UsageStore::row)
			.list();
		boolean behind = this.jdbc
			.sql("SELECT EXISTS (" + history(keyId).replace("SELECT u.*", "SELECT 1") + " AND " + keyset.behind() + ")")
			.params(params)
			.query(Boolean.class)
			.single();
		return keyset.connection(fetched, behind, DAY, (row) -> row.day().toString(), UsageRow::keyId);
	}

	/** The ids of the account's keys among these. */
	Set<String> ofAccount(String accountId, Collection<String> keyIds) {
		if (keyIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("SELECT id FROM api_key WHERE account_id = :accountId AND id IN (:keyIds)")
			.param("accountId", accountId)
			.param("keyIds", keyIds)
			.query(String.class)
			.list());
	}

	private static String history(String keyId) {
		return (keyId != null) ? HISTORY + " AND u.key_id = :keyId" : HISTORY;
	}

	private static Map<String, Object> historyParams(String accountId, String keyId, UsagePeriod period) {
		Map<String, Object> params = new HashMap<>();
		params.put("accountId", accountId);
		if (keyId != null) {
			params.put("keyId", keyId);
		}
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

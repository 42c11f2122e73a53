package io.claimport.audit.request.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimport.audit.request.domain.RequestFilter;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.page.Connection;
import io.claimport.common.page.CursorPage;
import io.claimport.common.page.KeysetSql;
import io.claimport.service.page.SortKey;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RequestLogStore {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	RequestLogStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Entries must fit their columns ({@code StorableRequest}). */
	void insertAll(List<RequestLogged> entries) {
		SqlParameterSource[] rows = entries.stream()
			.map((entry) -> new MapSqlParameterSource().addValue("requestId", entry.requestId())
				.addValue("accountId", entry.accountId())
				.addValue("keyId", entry.keyId())
				.addValue("method", entry.method())
				.addValue("path", entry.path())
				.addValue("status", entry.status())
				.addValue("latency", entry.latencyMillis())
				.addValue("clientIp", entry.clientIp())
				.addValue("userAgent", entry.userAgent())
				.addValue("receivedAt", Timestamp.from(entry.receivedAt()))
				.addValue("rejectionReason", entry.rejectionReason())
				.addValue("traceId", entry.traceId())
				.addValue("spanId", entry.spanId()))
			.toArray(SqlParameterSource[]::new);
		this.batch.batchUpdate("""
				INSERT INTO request_log (request_id, account_id, key_id, method, path, status, latency_ms, client_ip,
				                         user_agent, received_at, rejection_reason, trace_id, span_id)
				VALUES (:requestId, :accountId, :keyId, :method, :path, :status, :latency, :clientIp, :userAgent,
				        :receivedAt, :rejectionReason, :traceId, :spanId)
				ON CONFLICT (request_id) DO NOTHING
				""", rows);
	}

	/**
	 * Newest first; a null filter matches everything, a null account means every account.
	 */
	Page find(RequestFilter filter, int page, int size) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		long total = this.jdbc.sql("SELECT count(*) FROM request_log" + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<RequestLogged> entries = this.jdbc
			.sql("SELECT * FROM request_log" + where
					+ " ORDER BY received_at DESC, request_id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query(RequestLogStore::row)
			.list();
		return new Page(entries, total);
	}

	/**
	 * A page of the entries matching the filter, beyond the keyset's cursor, through the
	 * index on (account, received_at, request_id).
	 */
	Connection<RequestLogged> walk(RequestFilter filter, SortKey<RequestLogged> sort, CursorPage page) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		Object value = (page.cursor() != null) ? Timestamp.from(Instant.parse(page.cursor().value())) : null;
		KeysetSql keyset = new KeysetSql("received_at", "request_id", sort.ascending(), page, value);
		params.putAll(keyset.params());
		List<RequestLogged> fetched = this.jdbc
			.sql("SELECT * FROM request_log" + where + " AND " + keyset.beyond() + " ORDER BY " + keyset.orderBy()
					+ " LIMIT " + keyset.limit())
			.params(params)
			.query(RequestLogStore::row)
			.list();
		boolean behind = this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM request_log" + where + " AND " + keyset.behind() + ")")
			.params(params)
			.query(Boolean.class)
			.single();
		return keyset.connection(fetched, behind, sort.parameter(), (entry) -> entry.receivedAt().toString(),
				RequestLogged::requestId);
	}

	/** The newest entries matching the filter, at most {@code limit}. */
	List<RequestLogged> newest(RequestFilter filter, int limit) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		params.put("limit", limit);
		return this.jdbc
			.sql("SELECT * FROM request_log" + where + " ORDER BY received_at DESC, request_id DESC LIMIT :limit")
			.params(params)
			.query(RequestLogStore::row)
			.list();
	}

	private static String where(RequestFilter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE true");
		if (filter.accountId() != null) {
			where.append(" AND account_id = :accountId");
			params.put("accountId", filter.accountId());
		}
		if (filter.minStatus() != null) {
			where.append(" AND status >= :minStatus");
			params.put("minStatus", filter.minStatus());
		}
		if (filter.maxStatus() != null) {
			where.append(" AND status <= :maxStatus");
			params.put("maxStatus", filter.maxStatus());
		}
		if (filter.keyId() != null) {
			where.append(" AND key_id = :keyId");
			params.put("keyId", filter.keyId());
		}
		if (filter.method() != null) {
			where.append(" AND method = :method");
			params.put("method", filter.method());
		}
		if (filter.pathPrefix() != null) {
			where.append(" AND starts_with(path, :pathPrefix)");
			params.put("pathPrefix", filter.pathPrefix());
		}
		if (filter.from() != null) {
			where.append(" AND received_at >= :receivedFrom");
			params.put("receivedFrom", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" AND received_at < :receivedTo");
			params.put("receivedTo", Timestamp.from(filter.to()));
		}
		return where.toString();
	}

	private static RequestLogged row(ResultSet rs, int rowNum) throws SQLException {
		return new RequestLogged(rs.getString("request_id"), rs.getString("account_id"), rs.getString("key_id"),
				rs.getString("method"), rs.getString("path"), rs.getInt("status"), rs.getLong("latency_ms"),
				rs.getString("client_ip"), rs.getString("user_agent"), rs.getTimestamp("received_at").toInstant(),
				rs.getString("rejection_reason"), rs.getString("trace_id"), rs.getString("span_id"));
	}

	record Page(List<RequestLogged> entries, long total) {

	}

}

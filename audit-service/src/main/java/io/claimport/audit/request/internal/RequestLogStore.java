package io.claimport.audit.request.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimport.common.event.RequestLogged;

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
	Page find(Filter filter, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE true");
		Map<String, Object> params = new HashMap<>();
		if (filter.accountId() != null) {
			where.append(" AND account_id = :accountId");
			params.put("accountId", filter.accountId());
		}
		if (filter.status() != null) {
			where.append(" AND status = :status");
			params.put("status", filter.status());
		}
		if (filter.keyId() != null) {
			where.append(" AND key_id = :keyId");
			params.put("keyId", filter.keyId());
		}
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

	private static RequestLogged row(ResultSet rs, int rowNum) throws SQLException {
		return new RequestLogged(rs.getString("request_id"), rs.getString("account_id"), rs.getString("key_id"),
				rs.getString("method"), rs.getString("path"), rs.getInt("status"), rs.getLong("latency_ms"),
				rs.getString("client_ip"), rs.getString("user_agent"), rs.getTimestamp("received_at").toInstant(),
				rs.getString("rejection_reason"), rs.getString("trace_id"), rs.getString("span_id"));
	}

	record Filter(String accountId, Integer status, String keyId) {

	}

	record Page(List<RequestLogged> entries, long total) {

	}

}

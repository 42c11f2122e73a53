package io.claimport.audit.request.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimport.common.event.RequestLogged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RequestLogStore {

	private static final int MAX_TEXT = 500;

	private final JdbcClient jdbc;

	RequestLogStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(RequestLogged entry) {
		this.jdbc.sql("""
				INSERT INTO request_log (request_id, account_id, key_id, method, path, status, latency_ms, client_ip,
				                         user_agent, received_at, rejection_reason)
				VALUES (:requestId, :accountId, :keyId, :method, :path, :status, :latency, :clientIp, :userAgent,
				        :receivedAt, :rejectionReason)
				ON CONFLICT (request_id) DO NOTHING
				""")
			.param("requestId", entry.requestId())
			.param("accountId", entry.accountId())
			.param("keyId", entry.keyId())
			.param("method", entry.method())
			.param("path", truncate(entry.path(), 2000))
			.param("status", entry.status())
			.param("latency", entry.latencyMillis())
			.param("clientIp", entry.clientIp())
			.param("userAgent", truncate(entry.userAgent(), MAX_TEXT))
			.param("receivedAt", Timestamp.from(entry.receivedAt()))
			.param("rejectionReason", entry.rejectionReason())
			.update();
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
				rs.getString("rejection_reason"));
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	record Filter(String accountId, Integer status, String keyId) {

	}

	record Page(List<RequestLogged> entries, long total) {

	}

}

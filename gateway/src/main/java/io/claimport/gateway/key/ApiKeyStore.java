package io.claimport.gateway.key;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyStore {

	private final JdbcClient jdbc;

	ApiKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ApiKey key) {
		this.jdbc
			.sql("""
					INSERT INTO api_key (id, account_id, name, secret_hash, prefix, last_four, scopes, created_at, expires_at)
					VALUES (:id, :accountId, :name, :hash, :prefix, :lastFour, :scopes, :createdAt, :expiresAt)
					""")
			.param("id", key.id())
			.param("accountId", key.accountId())
			.param("name", key.name())
			.param("hash", key.secretHash())
			.param("prefix", key.prefix())
			.param("lastFour", key.lastFour())
			.param("scopes", String.join(" ", key.scopes()))
			.param("createdAt", Timestamp.from(key.createdAt()))
			.param("expiresAt", (key.expiresAt() != null) ? Timestamp.from(key.expiresAt()) : null)
			.update();
	}

	Optional<ApiKey> findBySecretHash(byte[] hash) {
		return this.jdbc.sql("SELECT * FROM api_key WHERE secret_hash = :hash")
			.param("hash", hash)
			.query(ApiKeyStore::row)
			.optional();
	}

	private static ApiKey row(ResultSet rs, int rowNum) throws SQLException {
		Set<String> scopes = Arrays.stream(rs.getString("scopes").split(" "))
			.filter((scope) -> !scope.isBlank())
			.collect(Collectors.toSet());
		return new ApiKey(rs.getString("id"), rs.getString("account_id"), rs.getString("name"),
				rs.getBytes("secret_hash"), rs.getString("prefix"), rs.getString("last_four"), scopes,
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}

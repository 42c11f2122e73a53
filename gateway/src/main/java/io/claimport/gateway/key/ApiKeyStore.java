package io.claimport.gateway.key;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.claimport.common.page.Connection;
import io.claimport.common.page.CursorPage;
import io.claimport.common.page.KeysetSql;
import io.claimport.gateway.network.IpAllowlist;
import io.claimport.gateway.plan.Plan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyStore {

	/** The one order of the key list, as its cursors name it. */
	static final String CREATED_AT = "createdAt";

	private static final String SELECT = "SELECT k.*, a.plan FROM api_key k JOIN account a ON a.id = k.account_id ";

	private final JdbcClient jdbc;

	ApiKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ApiKey key) {
		this.jdbc
			.sql("""
					INSERT INTO api_key (id, account_id, name, secret_hash, prefix, last_four, scopes, ip_allowlist,
					                     created_at, expires_at)
					VALUES (:id, :accountId, :name, :hash, :prefix, :lastFour, :scopes, :ipAllowlist, :createdAt, :expiresAt)
					""")
			.param("id", key.id())
			.param("accountId", key.accountId())
			.param("name", key.name())
			.param("hash", key.secretHash())
			.param("prefix", key.prefix())
			.param("lastFour", key.lastFour())
			.param("scopes", String.join(" ", key.scopes()))
			.param("ipAllowlist", String.join(" ", key.ipAllowlist().ranges()))
			.param("createdAt", Timestamp.from(key.createdAt()))
			.param("expiresAt", timestamp(key.expiresAt()))
			.update();
	}

	Optional<ApiKey> findBySecretHash(byte[] hash) {
		return this.jdbc.sql(SELECT + "WHERE k.secret_hash = :hash")
			.param("hash", hash)
			.query(ApiKeyStore::row)
			.optional();
	}

	Optional<ApiKey> find(String accountId, String keyId) {
		return this.jdbc.sql(SELECT + "WHERE k.account_id = :accountId AND k.id = :keyId")
			.param("accountId", accountId)
			.param("keyId", keyId)
			.query(ApiKeyStore::row)
			.optional();
	}

	/**
	 * A page of the account's unrevoked keys beyond the cursor, oldest first (their
	 * creation time, then their id).
	 */
	Connection<ApiKey> unrevoked(String accountId, CursorPage page) {
		Object value = (page.cursor() != null) ? Timestamp.from(Instant.parse(page.cursor().value())) : null;
		KeysetSql keyset = new KeysetSql("k.created_at", "k.id", true, page, value);
		Map<String, Object> params = new HashMap<>(keyset.params());
		params.put("accountId", accountId);
		String unrevoked = "WHERE k.account_id = :accountId AND k.revoked_at IS NULL AND ";
		List<ApiKey> fetched = this.jdbc
			.sql(SELECT + unrevoked + keyset.beyond() + " ORDER BY " + keyset.orderBy() + " LIMIT " + keyset.limit())
			.params(params)
			.query(ApiKeyStore::row)
			.list();
		boolean behind = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM api_key k " + unrevoked + keyset.behind() + ")")
			.params(params)
			.query(Boolean.class)
			.single();
		return keyset.connection(fetched, behind, CREATED_AT, (key) -> key.createdAt().toString(), ApiKey::id);
	}

	List<ApiKey> unrevoked(String accountId) {
		return this.jdbc
			.sql(SELECT + "WHERE k.account_id = :accountId AND k.revoked_at IS NULL ORDER BY k.created_at, k.id")
			.param("accountId", accountId)
			.query(ApiKeyStore::row)
			.list();
	}

	/**
	 * The account's plan, with the account row locked until the transaction ends, so that
	 * two concurrent key creations cannot both squeeze under the plan's key limit.
	 */
	Optional<Plan> lockAccount(String accountId) {
		return this.jdbc.sql("SELECT plan FROM account WHERE id = :accountId FOR UPDATE")
			.param("accountId", accountId)
			.query((rs, rowNum) -> Plan.valueOf(rs.getString("plan")))
			.optional();
	}

	Optional<Plan> planOf(String accountId) {
		return this.jdbc.sql("SELECT plan FROM account WHERE id = :accountId")
			.param("accountId", accountId)
			.query((rs, rowNum) -> Plan.valueOf(rs.getString("plan")))
			.optional();
	}

	void update(String keyId, String name, Set<String> scopes, IpAllowlist ipAllowlist) {
		this.jdbc.sql("UPDATE api_key SET name = :name, scopes = :scopes, ip_allowlist = :ipAllowlist WHERE id = :id")
			.param("id", keyId)
			.param("name", name)
			.param("scopes", String.join(" ", scopes))
			.param("ipAllowlist", String.join(" ", ipAllowlist.ranges()))
			.update();
	}

	void replace(String keyId, String successorId, Instant expiresAt) {
		this.jdbc.sql("UPDATE api_key SET replaced_by = :successor, expires_at = :expiresAt WHERE id = :id")
			.param("id", keyId)
			.param("successor", successorId)
			.param("expiresAt", timestamp(expiresAt))
			.update();
	}

	void revoke(String keyId, Instant at) {
		this.jdbc.sql("UPDATE api_key SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
			.param("id", keyId)
			.param("at", Timestamp.from(at))
			.update();
	}

	private static ApiKey row(ResultSet rs, int rowNum) throws SQLException {
		return new ApiKey(rs.getString("id"), rs.getString("account_id"), Plan.valueOf(rs.getString("plan")),
				rs.getString("name"), rs.getBytes("secret_hash"), rs.getString("prefix"), rs.getString("last_four"),
				Set.copyOf(words(rs.getString("scopes"))), IpAllowlist.of(words(rs.getString("ip_allowlist"))),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
				rs.getString("replaced_by"));
	}

	private static List<String> words(String spaceSeparated) {
		return Arrays.stream(spaceSeparated.split(" ")).filter((word) -> !word.isBlank()).toList();
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}

package io.claimport.gateway.account;

import java.sql.Timestamp;
import java.util.Optional;

import io.claimport.gateway.plan.Plan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountStore {

	private final JdbcClient jdbc;

	AccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Account account) {
		this.jdbc.sql("INSERT INTO account (id, name, plan, created_at) VALUES (:id, :name, :plan, :createdAt)")
			.param("id", account.id())
			.param("name", account.name())
			.param("plan", account.plan().name())
			.param("createdAt", Timestamp.from(account.createdAt()))
			.update();
	}

	Optional<Account> find(String id) {
		return this.jdbc.sql("SELECT * FROM account WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> new Account(rs.getString("id"), rs.getString("name"),
					Plan.valueOf(rs.getString("plan")), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

}

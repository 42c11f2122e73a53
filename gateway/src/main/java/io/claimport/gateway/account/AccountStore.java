package io.claimport.gateway.account;

import java.sql.Timestamp;

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

}

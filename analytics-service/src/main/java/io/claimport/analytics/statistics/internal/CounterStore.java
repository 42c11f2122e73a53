package io.claimport.analytics.statistics.internal;

import java.util.List;

import io.claimport.analytics.projection.ProjectionSchema;
import io.claimport.analytics.statistics.domain.Increment;
import io.claimport.analytics.statistics.domain.Subject;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CounterStore {

	private final JdbcClient jdbc;

	CounterStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(ProjectionSchema schema, String accountId, Increment increment) {
		this.jdbc.sql(schema.qualify("""
				INSERT INTO projection.statistic_counter (account_id, subject, bucket, count)
				VALUES (:account, :subject, :bucket, :delta)
				ON CONFLICT (account_id, subject, bucket) DO UPDATE SET count = statistic_counter.count + :delta
				"""))
			.param("account", accountId)
			.param("subject", increment.subject().name())
			.param("bucket", increment.bucket())
			.param("delta", increment.delta())
			.update();
	}

	List<Counter> forAccount(String accountId) {
		return this.jdbc
			.sql("SELECT subject, bucket, count FROM projection.statistic_counter WHERE account_id = :account")
			.param("account", accountId)
			.query((rs, row) -> new Counter(Subject.valueOf(rs.getString("subject")), rs.getString("bucket"),
					rs.getLong("count")))
			.list();
	}

	record Counter(Subject subject, String bucket, long count) {

	}

}

package io.claimport.audit.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.claimport.common.event.EventTypes;
import io.claimport.common.event.RequestBatchLogged;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.id.PublicIds;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The request log keeps 90 days and the ledger what can still be delivered again; the
 * rest goes, a few rows per transaction.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "claimport.audit.retention.batch-size=2")
class RetentionIT {

	@Autowired
	Retention retention;

	@Autowired
	JdbcClient jdbc;

	final TestEvents events = new TestEvents();

	@AfterEach
	void close() {
		this.events.close();
	}

	@Test
	void removesRequestsOlderThanTheRetentionAndLedgerEntriesThatCannotComeAgainInSmallBatches() {
		String account = PublicIds.next("acct");
		Instant now = Instant.now();
		this.events.send(EventTypes.REQUEST_BATCH_LOGGED, account, account,
				new RequestBatchLogged(List.of(entry(account, now.minus(Duration.ofDays(120))),
						entry(account, now.minus(Duration.ofDays(95))), entry(account, now.minus(Duration.ofDays(91))),
						entry(account, now.minus(Duration.ofDays(89))), entry(account, now))));
		await().atMost(Duration.ofSeconds(30)).until(() -> requests(account) == 5);
		UUID stale = UUID.randomUUID();
		UUID fresh = UUID.randomUUID();
		ledger(stale, now.minus(Duration.ofDays(9)));
		ledger(fresh, now.minus(Duration.ofDays(6)));

		Retention.Swept swept = this.retention.sweep();

		assertThat(requests(account)).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT min(received_at) FROM request_log WHERE account_id = :account")
			.param("account", account)
			.query(Timestamp.class)
			.single()
			.toInstant()).isAfter(now.minus(Duration.ofDays(90)));
		assertThat(inLedger(stale)).isFalse();
		assertThat(inLedger(fresh)).isTrue();
		// three old requests and at least one old ledger entry, two rows a transaction
		assertThat(swept.requests()).isGreaterThanOrEqualTo(3);
		assertThat(swept.ledgerEntries()).isGreaterThanOrEqualTo(1);
		assertThat(swept.batches()).isGreaterThanOrEqualTo(3);
		assertThat(this.retention.sweep().requests()).isZero();
	}

	private int requests(String account) {
		return this.jdbc.sql("SELECT count(*) FROM request_log WHERE account_id = :account")
			.param("account", account)
			.query(Integer.class)
			.single();
	}

	private void ledger(UUID eventId, Instant processedAt) {
		this.jdbc.sql("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('test', :id, :at)")
			.param("id", eventId)
			.param("at", Timestamp.from(processedAt))
			.update();
	}

	private boolean inLedger(UUID eventId) {
		return this.jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.single() == 1;
	}

	private static RequestLogged entry(String account, Instant at) {
		return new RequestLogged(UUID.randomUUID().toString(), account, "key_r", "GET", "/api/v1/products", 200, 5,
				"203.0.113.9", "curl/8.5", at, null);
	}

}

package io.claimport.audit.usage.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.claimport.common.event.EventEnvelope;
import io.claimport.common.event.EventTypes;
import io.claimport.common.event.RequestBatchLogged;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.id.PublicIds;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestEvents;
import io.claimport.testsupport.TestIdentities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class UsageIT {

	static final Instant DAY_ONE = Instant.parse("2026-11-20T08:00:00Z");

	static final Instant DAY_TWO = Instant.parse("2026-11-21T23:59:00Z");

	@Value("${local.server.port}")
	int port;

	final TestEvents events = new TestEvents();

	@AfterEach
	void close() {
		this.events.close();
	}

	@Test
	void rollsTheRequestLogUpIntoPerDayRowsPerKey() {
		String account = PublicIds.next("acct");
		// the latest use counts as the last, whatever order the entries come in
		loggedTogether(entry(account, "key_a", 200, DAY_ONE, "203.0.113.1"),
				entry(account, "key_a", 503, DAY_ONE.plusSeconds(120), "203.0.113.3"),
				entry(account, "key_a", 404, DAY_ONE.plusSeconds(60), "203.0.113.2"));
		loggedTogether(entry(account, "key_a", 429, DAY_TWO, "2001:db8::7"),
				entry(account, "key_b", 201, DAY_TWO, "203.0.113.9"));
		logged(entry(PublicIds.next("acct"), "key_a", 200, DAY_ONE, "198.51.100.1"));

		JsonNode report = await().atMost(Duration.ofSeconds(30))
			.until(() -> usage(account, "?keyId=key_a&from=2026-11-20&to=2026-11-21"),
					(body) -> body.get("data").size() == 2 && body.get("data").get(1).get("requests").asInt() == 1);

		assertThat(report.get("from").asString()).isEqualTo("2026-11-20");
		JsonNode first = report.get("data").get(0);
		assertThat(first.get("day").asString()).isEqualTo("2026-11-20");
		assertThat(first.get("requests").asInt()).isEqualTo(3);
		assertThat(first.get("clientErrors").asInt()).isEqualTo(1);
		assertThat(first.get("serverErrors").asInt()).isEqualTo(1);
		assertThat(first.get("lastUsedAt").asString()).isEqualTo("2026-11-20T08:02:00Z");
		assertThat(first.get("lastUsedIp").asString()).isEqualTo("203.0.113.3");
		JsonNode second = report.get("data").get(1);
		assertThat(second.get("day").asString()).isEqualTo("2026-11-21");
		assertThat(second.get("clientErrors").asInt()).isEqualTo(1);
		assertThat(usage(account, "?from=2026-11-21&to=2026-11-21").get("data")).hasSize(2);
		assertThat(usage(account, "?keyId=key_a&from=2026-11-22&to=2026-11-30").get("data")).isEmpty();

		// the same rows walked with cursors, by day and then key
		JsonNode page = usage(account, "?from=2026-11-20&to=2026-11-21&first=2");
		JsonNode next = usage(account,
				"?from=2026-11-20&to=2026-11-21&first=2&after=" + page.get("pageInfo").get("endCursor").asString());
		assertThat(page.get("edges").findValuesAsString("keyId")).containsExactly("key_a", "key_a");
		assertThat(page.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
		assertThat(next.get("edges")).singleElement()
			.satisfies((edge) -> assertThat(edge.get("node").get("keyId").asString()).isEqualTo("key_b"));
		assertThat(next.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
		assertThat(next.get("pageInfo").get("hasPreviousPage").asBoolean()).isTrue();
	}

	@Test
	void countsARedeliveredEventOnceAndIgnoresUnidentifiedRequests() {
		String account = PublicIds.next("acct");
		RequestLogged entry = entry(account, "key_c", 200, DAY_ONE, "203.0.113.1");
		EventEnvelope envelope = this.events.send(EventTypes.REQUEST_LOGGED, account, entry.requestId(), entry);
		this.events.send(EventTypes.REQUEST_LOGGED, envelope, entry);
		RequestBatchLogged batch = new RequestBatchLogged(
				List.of(entry(account, "key_c", 200, DAY_ONE.plusSeconds(1), "203.0.113.1"),
						entry(account, "key_c", 404, DAY_ONE.plusSeconds(2), "203.0.113.1")));
		EventEnvelope batchEnvelope = this.events.send(EventTypes.REQUEST_BATCH_LOGGED, account, account, batch);
		this.events.send(EventTypes.REQUEST_BATCH_LOGGED, batchEnvelope, batch);
		loggedTogether(entry(null, null, 401, DAY_ONE, "203.0.113.1"));
		logged(entry(account, "key_c", 200, DAY_ONE.plusSeconds(5), "203.0.113.1"));

		JsonNode report = await().atMost(Duration.ofSeconds(30))
			.until(() -> usage(account, "?keyId=key_c&from=2026-11-20&to=2026-11-20"),
					(body) -> body.get("data").size() == 1
							&& body.get("data").get(0).get("lastUsedAt").asString().equals("2026-11-20T08:00:05Z"));

		assertThat(report.get("data").get(0).get("requests").asInt()).isEqualTo(4);
		assertThat(report.get("data").get(0).get("clientErrors").asInt()).isEqualTo(1);
	}

	@Test
	void namesTheParameterOfABadPeriod() {
		String account = PublicIds.next("acct");
		ApiClient client = new ApiClient("http://localhost:" + this.port).with("Authorization",
				TestIdentities.bearer(account, "full:access"));

		ApiClient.Response backwards = client.get("/api/v1/audit/usage?from=2026-11-21&to=2026-11-20");
		ApiClient.Response tooLong = client.get("/api/v1/audit/usage?from=2025-01-01&to=2026-11-20");
		ApiClient.Response notADate = client.get("/api/v1/audit/usage?from=yesterday");
		ApiClient.Response narrowScope = new ApiClient("http://localhost:" + this.port)
			.with("Authorization", TestIdentities.bearer(account, "analytics:read"))
			.get("/api/v1/audit/usage");

		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").get(0).get("rule").asString()).isEqualTo("maxRange");
		assertThat(notADate.status()).isEqualTo(400);
		assertThat(notADate.body()).contains("from");
		assertThat(narrowScope.status()).isEqualTo(403);
	}

	/** One request as one event, as gateways sent it before request-log batches. */
	private void logged(RequestLogged entry) {
		this.events.send(EventTypes.REQUEST_LOGGED, entry.accountId(), entry.requestId(), entry);
	}

	/**
	 * One account's requests (or unidentified ones) as one event, as the gateway sends
	 * them.
	 */
	private void loggedTogether(RequestLogged... entries) {
		String account = entries[0].accountId();
		this.events.send(EventTypes.REQUEST_BATCH_LOGGED, account,
				(account != null) ? account : UUID.randomUUID().toString(), new RequestBatchLogged(List.of(entries)));
	}

	private JsonNode usage(String account, String query) {
		ApiClient.Response response = new ApiClient("http://localhost:" + this.port)
			.with("Authorization", TestIdentities.bearer(account, "full:access"))
			.get("/api/v1/audit/usage" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static RequestLogged entry(String account, String keyId, int status, Instant at, String ip) {
		return new RequestLogged(UUID.randomUUID().toString(), account, keyId, "GET", "/api/v1/products", status, 9, ip,
				"curl/8.5", at, null);
	}

}

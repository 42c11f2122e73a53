package io.claimport.audit.request.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.claimport.common.event.EventEnvelope;
import io.claimport.common.event.EventTypes;
import io.claimport.common.event.RequestBatchLogged;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.id.PublicIds;
import io.claimport.common.identity.IdentityToken;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.RecordedSpans;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestEvents;
import io.claimport.testsupport.TestIdentities;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@Import(RecordedSpans.class)
@TestPropertySource(properties = "management.tracing.sampling.probability=1.0")
class AuditIT {

	@Value("${local.server.port}")
	int port;

	final TestEvents events = new TestEvents();

	@AfterEach
	void close() {
		this.events.close();
	}

	@Test
	void listsOnlyTheCallersRequestsNewestFirstFilteredByStatusAndKey() {
		String account = PublicIds.next("acct");
		Instant now = Instant.now();
		loggedTogether(entry(account, "key_a", 200, now.minusSeconds(30), null),
				entry(account, "key_b", 404, now.minusSeconds(20), null));
		loggedTogether(entry(account, "key_a", 201, now.minusSeconds(10), null));
		logged(entry(PublicIds.next("acct"), "key_x", 200, now, null));

		JsonNode all = await().atMost(Duration.ofSeconds(30))
			.until(() -> requests(account, ""), (body) -> body.get("totalElements").asInt() == 3);

		assertThat(statuses(all)).containsExactly(201, 404, 200);
		assertThat(statuses(requests(account, "?status=404"))).containsExactly(404);
		assertThat(statuses(requests(account, "?keyId=key_a"))).containsExactly(201, 200);
		assertThat(all.get("data").get(0).get("path").asString()).isEqualTo("/api/v1/products");
	}

	@Test
	void walksTheRequestLogWithCursorsBothWaysWithoutLosingOrRepeatingAnEntry() {
		String account = PublicIds.next("acct");
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		List<RequestLogged> entries = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			// two entries share a time: the request id orders them
			entries.add(entry(account, "key_a", 200 + i, now.minusSeconds((i < 2) ? 10 : 10 + i), null));
		}
		loggedTogether(entries.toArray(RequestLogged[]::new));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> requests(account, ""), (body) -> body.get("totalElements").asInt() == 5);

		List<String> walked = new ArrayList<>();
		JsonNode page = requests(account, "?first=2");
		walked.addAll(page.get("edges").findValuesAsString("requestId"));
		assertThat(page.get("pageInfo").get("hasPreviousPage").asBoolean()).isFalse();
		while (page.get("pageInfo").get("hasNextPage").asBoolean()) {
			page = requests(account, "?first=2&after=" + page.get("pageInfo").get("endCursor").asString());
			walked.addAll(page.get("edges").findValuesAsString("requestId"));
		}
		JsonNode back = requests(account, "?last=2&before=" + page.get("pageInfo").get("startCursor").asString());
		ApiClient.Response forged = new ApiClient("http://localhost:" + this.port)
			.with("Authorization", TestIdentities.bearer(account, "full:access"))
			.get("/api/v1/audit/requests?first=2&after=bm90LWEtY3Vyc29y");

		assertThat(walked).hasSize(5).doesNotHaveDuplicates();
		assertThat(walked).containsExactlyInAnyOrderElementsOf(entries.stream().map(RequestLogged::requestId).toList());
		assertThat(back.get("edges").findValuesAsString("requestId")).containsExactlyElementsOf(walked.subList(2, 4));
		assertThat(back.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
		assertThat(forged.status()).isEqualTo(400);
		assertThat(forged.json().get("errors").get(0).get("field").asString()).isEqualTo("after");
		assertThat(requests(account, "?page=0&size=2").get("data")).hasSize(2);
		assertThat(requests(account, "").get("size").asInt()).as("a numbered page's size, as before cursors")
			.isEqualTo(50);
	}

	@Test
	void findsTheTraceOfASampledRequestFromItsEntryAndMarksTheEntryInThatTrace() {
		String account = PublicIds.next("acct");
		String traceId = "5c2a8f0e9d1b4a7e8f3c6b2d1a0e9f8c";
		RequestLogged traced = new RequestLogged(UUID.randomUUID().toString(), account, "key_t", "POST",
				"/api/v1/claims", 201, 40, "203.0.113.7", "curl/8.5", Instant.now(), null, traceId, "7a3b9c1d2e4f5a6b");
		RequestLogged forged = new RequestLogged(UUID.randomUUID().toString(), account, "key_t", "GET",
				"/api/v1/claims", 200, 5, "203.0.113.7", "curl/8.5", Instant.now().minusSeconds(1), null,
				"not-a-trace-id\n", "x");
		loggedTogether(traced, forged);

		JsonNode page = await().atMost(Duration.ofSeconds(30))
			.until(() -> requests(account, ""), (body) -> body.get("totalElements").asInt() == 2);

		assertThat(page.get("data").get(0).get("traceId").asString()).isEqualTo(traceId);
		assertThat(page.get("data").get(0).get("spanId").asString()).isEqualTo("7a3b9c1d2e4f5a6b");
		assertThat(page.get("data").get(1).get("traceId").isNull()).as("what is no trace id is not stored").isTrue();
		List<SpanData> trace = await().atMost(Duration.ofSeconds(10))
			.until(() -> RecordedSpans.ofTrace(traceId), (spans) -> !spans.isEmpty());
		assertThat(trace).singleElement().satisfies((span) -> {
			assertThat(span.getName()).isEqualTo("request log stored");
			assertThat(span.getParentSpanId()).isEqualTo("7a3b9c1d2e4f5a6b");
		});
	}

	@Test
	void keepsEveryEntryOfABatchWhenOneCarriesValuesItsColumnsCannotHold() {
		String account = PublicIds.next("acct");
		Instant now = Instant.now();
		RequestLogged before = entry(account, "key_a", 200, now.minusSeconds(3), null);
		RequestLogged hostile = new RequestLogged(UUID.randomUUID().toString(), account, "key_a",
				"PROPFINDPROPFINDPROPFINDPROPFINDPROPFIND", "/api/v1/products/\u0000/\uD800", 501, 1, "203.0.113.7",
				"agent\u0000" + "x".repeat(2_000), now.minusSeconds(2), null);
		RequestLogged after = entry(account, "key_a", 201, now.minusSeconds(1), null);
		loggedTogether(before, hostile, after);

		JsonNode all = await().atMost(Duration.ofSeconds(30))
			.until(() -> requests(account, ""), (body) -> body.get("totalElements").asInt() == 3);

		assertThat(statuses(all)).containsExactly(201, 501, 200);
		JsonNode stored = all.get("data").get(1);
		assertThat(stored.get("method").asString()).startsWith("PROPFINDPROPFIND").endsWith("…").hasSize(32);
		assertThat(stored.get("userAgent").asString()).startsWith("agent\uFFFDx").hasSize(500);
	}

	@Test
	void storesARedeliveredEntryOnce() {
		String account = PublicIds.next("acct");
		RequestLogged entry = entry(account, "key_a", 200, Instant.now(), null);
		EventEnvelope envelope = this.events.send(EventTypes.REQUEST_LOGGED, account, entry.requestId(), entry);
		this.events.send(EventTypes.REQUEST_LOGGED, envelope, entry);
		RequestBatchLogged batch = new RequestBatchLogged(
				List.of(entry(account, "key_a", 201, Instant.now().plusSeconds(1), null), entry));
		EventEnvelope batchEnvelope = this.events.send(EventTypes.REQUEST_BATCH_LOGGED, account, account, batch);
		this.events.send(EventTypes.REQUEST_BATCH_LOGGED, batchEnvelope, batch);
		logged(entry(account, "key_a", 202, Instant.now().plusSeconds(2), null));

		JsonNode all = await().atMost(Duration.ofSeconds(30))
			.until(() -> requests(account, ""), (body) -> statuses(body).contains(202));

		assertThat(all.get("totalElements").asInt()).isEqualTo(3);
	}

	@Test
	void operatorsSeeRequestsOfUnidentifiedCallersAndAccountsDoNot() {
		RequestLogged anonymous = entry(null, null, 401, Instant.now(), "unknown_api_key");
		loggedTogether(anonymous);
		ApiClient operator = new ApiClient("http://localhost:" + this.port).with("Authorization",
				TestIdentities.bearer(IdentityToken.OPERATOR_SUBJECT, IdentityToken.OPERATOR_SCOPE));

		JsonNode unauthorized = await().atMost(Duration.ofSeconds(30))
			.until(() -> operator.get("/ops/v1/requests?status=401&size=200").json(),
					(body) -> body.get("data").toString().contains(anonymous.requestId()));

		assertThat(unauthorized.get("data").get(0).get("rejectionReason").asString()).isEqualTo("unknown_api_key");
		ApiClient.Response notOperator = new ApiClient("http://localhost:" + this.port)
			.with("Authorization", TestIdentities.bearer(PublicIds.next("acct"), "full:access"))
			.get("/ops/v1/requests");
		assertThat(notOperator.status()).isEqualTo(403);
		assertThat(notOperator.contentType()).startsWith("application/problem+json");
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

	private JsonNode requests(String account, String query) {
		ApiClient.Response response = new ApiClient("http://localhost:" + this.port)
			.with("Authorization", TestIdentities.bearer(account, "full:access"))
			.get("/api/v1/audit/requests" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<Integer> statuses(JsonNode page) {
		List<Integer> statuses = new ArrayList<>();
		page.get("data").forEach((entry) -> statuses.add(entry.get("status").asInt()));
		return statuses;
	}

	private static RequestLogged entry(String account, String keyId, int status, Instant at, String rejection) {
		return new RequestLogged(UUID.randomUUID().toString(), account, keyId, "GET", "/api/v1/products", status, 12,
				"203.0.113.7", "curl/8.5", at, rejection);
	}

}

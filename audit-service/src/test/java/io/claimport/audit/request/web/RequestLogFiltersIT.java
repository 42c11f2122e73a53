package io.claimport.audit.request.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.claimport.common.event.EventTypes;
import io.claimport.common.event.RequestBatchLogged;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.id.PublicIds;
import io.claimport.common.identity.IdentityToken;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestEvents;
import io.claimport.testsupport.TestIdentities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An account finds requests in its log by method, path, status, time and key. */
@ServiceIntegrationTest
class RequestLogFiltersIT {

	static final Instant DAY = Instant.parse("2026-11-30T00:00:00Z");

	@Value("${local.server.port}")
	int port;

	final TestEvents events = new TestEvents();

	String account;

	@BeforeEach
	void logSomeRequests() {
		this.account = PublicIds.next("acct");
		this.events.send(EventTypes.REQUEST_BATCH_LOGGED, this.account, this.account,
				new RequestBatchLogged(List.of(entry("GET", "/api/v1/products", 200, "key_a", 1),
						entry("POST", "/api/v1/claims", 201, "key_a", 2),
						entry("POST", "/api/v1/claims", 422, "key_b", 3),
						entry("GET", "/api/v1/claims/clm_1", 404, "key_b", 4),
						entry("DELETE", "/api/v1/products/prod_1", 503, "key_a", 5),
						entry("GET", "/api/v1/orders", 200, "key_a", 30))));
		await().atMost(Duration.ofSeconds(30)).until(() -> paths("").size() == 6);
	}

	@AfterEach
	void close() {
		this.events.close();
	}

	@Test
	void filtersByMethodPathPrefixStatusRangeTimeAndKey() {
		assertThat(paths("&method=post")).containsExactly("/api/v1/claims", "/api/v1/claims");
		assertThat(paths("&pathPrefix=/api/v1/claims")).containsExactly("/api/v1/claims/clm_1", "/api/v1/claims",
				"/api/v1/claims");
		assertThat(paths("&minStatus=400&maxStatus=499")).containsExactly("/api/v1/claims/clm_1", "/api/v1/claims");
		assertThat(paths("&minStatus=500")).containsExactly("/api/v1/products/prod_1");
		assertThat(paths("&from=2026-11-30T00:03:00Z&to=2026-11-30T00:05:00Z")).containsExactly("/api/v1/claims/clm_1",
				"/api/v1/claims");
		assertThat(paths("&to=2026-11-30")).hasSize(6);
		assertThat(paths("&keyId=key_b&method=GET")).containsExactly("/api/v1/claims/clm_1");
	}

	@Test
	void exportsTheFilteredLogAsCsvNewestFirst() {
		ApiClient.Response csv = api().with("Accept", "text/csv")
			.get("/api/v1/audit/requests?pathPrefix=/api/v1/claims&limit=2");

		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("receivedAt,requestId,keyId,method,path,status,latencyMillis,clientIp,"
				+ "userAgent,rejectionReason,traceId");
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).startsWith("2026-11-30T00:04:00Z,").contains(",key_b,GET,/api/v1/claims/clm_1,404,");
	}

	@Test
	void operatorsFilterEveryAccountsLogAndNobodyElseSeesThisOne() {
		ApiClient operator = new ApiClient("http://localhost:" + this.port).with("Authorization",
				TestIdentities.bearer(IdentityToken.OPERATOR_SUBJECT, IdentityToken.OPERATOR_SCOPE));
		JsonNode found = operator.get("/ops/v1/requests?first=10&accountId=" + this.account + "&method=DELETE").json();
		JsonNode stranger = new ApiClient("http://localhost:" + this.port)
			.with("Authorization", TestIdentities.bearer(PublicIds.next("acct"), "full:access"))
			.get("/api/v1/audit/requests?first=10&pathPrefix=/api")
			.json();

		assertThat(found.get("edges")).singleElement()
			.satisfies((edge) -> assertThat(edge.get("node").get("status").asInt()).isEqualTo(503));
		assertThat(stranger.get("edges")).isEmpty();
	}

	@Test
	void namesEveryBadFilter() {
		ApiClient.Response bad = api()
			.get("/api/v1/audit/requests?method=FETCH&pathPrefix=api&from=yesterday" + "&minStatus=500&maxStatus=400");
		ApiClient.Response both = api().get("/api/v1/audit/requests?status=200&minStatus=200");

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("method",
				"pathPrefix", "from", "maxStatus");
		assertThat(both.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
	}

	private List<String> paths(String query) {
		ApiClient.Response response = api().get("/api/v1/audit/requests?first=20" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> paths = new ArrayList<>();
		response.json().get("edges").forEach((edge) -> paths.add(edge.get("node").get("path").asString()));
		return paths;
	}

	private ApiClient api() {
		return new ApiClient("http://localhost:" + this.port).with("Authorization",
				TestIdentities.bearer(this.account, "full:access"));
	}

	private RequestLogged entry(String method, String path, int status, String keyId, int minute) {
		return new RequestLogged(UUID.randomUUID().toString(), this.account, keyId, method, path, status, 12,
				"203.0.113.7", "curl/8.5", DAY.plus(Duration.ofMinutes(minute)), null);
	}

}

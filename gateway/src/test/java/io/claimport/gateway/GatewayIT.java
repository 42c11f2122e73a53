package io.claimport.gateway;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.claimport.common.event.Topics;
import io.claimport.gateway.key.ApiKeySecret;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.TestInfrastructure;
import io.claimport.testsupport.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GatewayIT extends GatewayTest {

	@Autowired
	JdbcClient database;

	@Autowired
	MeterRegistry meters;

	@Test
	void adminOpensAnAccountAndShowsItsKeyOnceStoringOnlyItsHash() {
		ApiClient.Response response = admin().post("/admin/v1/accounts", Map.of("name", "Acme", "plan", "BUSINESS"));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.get("id").asString()).startsWith("acct_");
		assertThat(body.get("plan").asString()).isEqualTo("BUSINESS");
		String secret = body.get("apiKey").get("key").asString();
		assertThat(secret).matches("cp_live_[A-Za-z0-9]{55}");
		assertThat(body.get("apiKey").get("scopes").get(0).asString()).isEqualTo("full:access");

		Map<String, Object> stored = this.database.sql("SELECT * FROM api_key WHERE account_id = ?")
			.param(body.get("id").asString())
			.query()
			.singleRow();
		assertThat(stored.values()).noneMatch((value) -> String.valueOf(value).contains(secret.substring(12, 60)));
		assertThat(HexFormat.of().formatHex((byte[]) stored.get("secret_hash")))
			.isEqualTo(HexFormat.of().formatHex(ApiKeySecret.sha256(secret)));
	}

	@Test
	void adminApiRefusesCallersWithoutTheAdminTokenAndNamesBadFields() {
		ApiClient.Response noToken = this.anonymous.post("/admin/v1/accounts", Map.of("name", "X", "plan", "BUSINESS"));
		ApiClient.Response badPlan = admin().post("/admin/v1/accounts", Map.of("name", "X", "plan", "GOLD"));

		assertThat(noToken.status()).isEqualTo(401);
		assertThat(noToken.contentType()).startsWith("application/problem+json");
		assertThat(badPlan.status()).isEqualTo(400);
		assertThat(badPlan.json().get("errors").get(0).get("field").asString()).isEqualTo("plan");
		assertThat(badPlan.json().get("errors").get(0).get("rule").asString()).isEqualTo("oneOf");
	}

	@Test
	void forwardsAKeyedRequestWithTheGatewaysIdentityInsteadOfTheKey() {
		JsonNode account = openAccount("BUSINESS");
		String secret = account.get("apiKey").get("key").asString();

		ApiClient.Response viaHeader = this.anonymous.with("X-API-Key", secret)
			.with("X-Claimport-Account", "acct_someone_else")
			.get("/api/v1/products");
		ApiClient.Response viaBearer = this.anonymous.with("Authorization", "Bearer " + secret).get("/api/v1/orders");

		assertThat(viaHeader.status()).isEqualTo(200);
		assertThat(viaBearer.status()).isEqualTo(200);
		assertThat(backendSaw).hasSize(2).extracting(Seen::headers).allSatisfy((headers) -> {
			assertThat(headers.containsKey("X-api-key")).isFalse();
			assertThat(headers.containsKey("X-claimport-account")).isFalse();
			assertThat(headers.get("Authorization")).as("only the gateway's identity").hasSize(1);
			String authorization = headers.getFirst("Authorization");
			assertThat(authorization).startsWith("Bearer ").doesNotContain(secret);
			Jwt identity = verified(authorization);
			assertThat(identity.getSubject()).isEqualTo(account.get("id").asString());
			assertThat(identity.getClaimAsString("key_id")).isEqualTo(account.get("apiKey").get("id").asString());
			assertThat(identity.getClaimAsString("scope")).isEqualTo("full:access");
			assertThat(identity.getClaimAsString("iss")).isEqualTo("claimport-gateway");
			assertThat(identity.getAudience()).containsExactly("claimport-services");
		});
	}

	@Test
	void tellsTheServiceTheRequestsIdAndTraceNeverAnIdTheClientMadeUp() {
		String secret = newAccountKey("BUSINESS");
		String traceId = "0af7651916cd43dd8448eb211c80319c";

		ApiClient.Response answered = keyed(secret).with("X-Request-Id", "forged-by-the-client")
			.with("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
			.get("/api/v1/products");

		assertThat(answered.status()).isEqualTo(200);
		String requestId = answered.header("X-Request-Id");
		assertThat(requestId).isNotEqualTo("forged-by-the-client");
		assertThat(backendSaw).singleElement().satisfies((seen) -> {
			assertThat(seen.headers().get("X-request-id")).containsExactly(requestId);
			// the gateway's own span continues the caller's trace; the service's joins it
			assertThat(seen.headers().getFirst("Traceparent")).startsWith("00-" + traceId + "-")
				.doesNotContain("b7ad6b7169203331");
		});
		// the request log names the trace, so an operator finds it from the entry
		try (TopicReader log = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.REQUEST_LOG)) {
			JsonNode entry = await().atMost(Duration.ofSeconds(30))
				.until(() -> RequestLogTopic.read(log)
					.stream()
					.filter((logged) -> logged.requestId().equals(requestId))
					.findFirst(), (found) -> found.isPresent())
				.get()
				.request();
			assertThat(entry.get("traceId").asString()).isEqualTo(traceId);
			assertThat(entry.get("spanId").asString()).hasSize(16).isNotEqualTo("b7ad6b7169203331");
		}
	}

	@Test
	void refusesMissingMalformedAndUnknownKeysWithoutCallingTheServiceAndLogsWhy() {
		List<ApiClient.Response> refused = List.of(this.anonymous.get("/api/v1/products"),
				this.anonymous.with("X-API-Key", "not-a-key").get("/api/v1/products"),
				this.anonymous.with("X-API-Key", ApiKeySecret.generate()).get("/api/v1/claims"));

		assertThat(refused).allSatisfy((response) -> {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString())
				.isEqualTo("https://claimport.io/problems/unauthenticated");
		});
		assertThat(backendSaw).isEmpty();

		Map<String, String> reasons = Map.of(refused.get(0).header("X-Request-Id"), "missing_api_key",
				refused.get(1).header("X-Request-Id"), "malformed_api_key", refused.get(2).header("X-Request-Id"),
				"unknown_api_key");
		try (TopicReader log = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.REQUEST_LOG)) {
			List<JsonNode> entries = await().atMost(Duration.ofSeconds(30))
				.until(() -> RequestLogTopic.read(log)
					.stream()
					.filter((logged) -> reasons.containsKey(logged.requestId()))
					.map(RequestLogTopic.Logged::request)
					.toList(), (found) -> found.size() == 3);
			assertThat(entries).allSatisfy((entry) -> {
				assertThat(entry.get("status").asInt()).isEqualTo(401);
				assertThat(entry.get("rejectionReason").asString())
					.isEqualTo(reasons.get(entry.get("requestId").asString()));
				assertThat(entry.get("clientIp").asString()).isNotBlank();
			});
		}
	}

	@Test
	void logsAcceptedRequestsWithTheirAccountKeyAndStatus() {
		JsonNode account = openAccount("BUSINESS");
		ApiClient.Response response = this.anonymous.with("X-API-Key", account.get("apiKey").get("key").asString())
			.with("User-Agent", "claimport-test/1.0")
			.get("/api/v1/analytics");

		String requestId = response.header("X-Request-Id");
		try (TopicReader log = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.REQUEST_LOG)) {
			RequestLogTopic.Logged logged = await().atMost(Duration.ofSeconds(30))
				.until(() -> RequestLogTopic.read(log)
					.stream()
					.filter((candidate) -> candidate.requestId().equals(requestId))
					.findFirst(), (found) -> found.isPresent())
				.get();
			JsonNode entry = logged.request();
			TopicReader.Received record = logged.record();
			assertThat(entry.get("accountId").asString()).isEqualTo(account.get("id").asString());
			assertThat(entry.get("keyId").asString()).isEqualTo(account.get("apiKey").get("id").asString());
			assertThat(entry.get("method").asString()).isEqualTo("GET");
			assertThat(entry.get("path").asString()).isEqualTo("/api/v1/analytics");
			assertThat(entry.get("status").asInt()).isEqualTo(200);
			assertThat(entry.get("userAgent").asString()).isEqualTo("claimport-test/1.0");
			assertThat(entry.get("rejectionReason").isNull()).isTrue();
			assertThat(record.key()).isEqualTo(account.get("id").asString());
			assertThat(record.headers()).containsEntry("ce_type", "RequestBatchLogged")
				.containsEntry("ce_source", "gateway");
		}
	}

	@Test
	void leavesHealthProbesOnTheManagementPortOutOfTheRequestLog() {
		ApiClient.Response probe = this.management.get("/actuator/health/readiness");
		ApiClient.Response refused = this.anonymous.get("/api/v1/products");

		assertThat(probe.status()).isEqualTo(200);
		assertThat(probe.header("X-Request-Id")).isNull();
		String refusedId = refused.header("X-Request-Id");
		try (TopicReader log = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.REQUEST_LOG)) {
			List<RequestLogTopic.Logged> entries = await().atMost(Duration.ofSeconds(30))
				.until(() -> RequestLogTopic.read(log),
						(read) -> read.stream().anyMatch((logged) -> logged.requestId().equals(refusedId)));
			assertThat(entries).extracting((logged) -> logged.request().get("path").asString())
				.doesNotContain("/actuator/health/readiness");
		}
	}

	@Test
	void looksAKeyUpInTheDatabaseOnceThenServesItFromMemory() {
		ApiClient keyed = this.anonymous.with("X-API-Key", openAccount("BUSINESS").get("apiKey").get("key").asString());
		double before = this.meters.counter("claimport.gateway.key.database.lookups").count();

		for (int i = 0; i < 20; i++) {
			assertThat(keyed.get("/api/v1/products").status()).isEqualTo(200);
		}

		assertThat(this.meters.counter("claimport.gateway.key.database.lookups").count() - before).isEqualTo(1);
	}

	@Test
	void answersAPathNoServiceServesWithProblemDetails() {
		ApiClient.Response response = this.anonymous
			.with("X-API-Key", openAccount("BUSINESS").get("apiKey").get("key").asString())
			.get("/api/v2/products");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(backendSaw).isEmpty();
	}

	@Test
	void forwardsOperatorReadsOfTheRequestLogWithTheOperatorIdentity() {
		ApiClient.Response response = admin().get("/admin/v1/audit/requests?status=401");
		ApiClient.Response withoutToken = this.anonymous.get("/admin/v1/audit/requests");

		assertThat(response.status()).isEqualTo(200);
		assertThat(withoutToken.status()).isEqualTo(401);
		assertThat(backendSaw).singleElement().satisfies((seen) -> {
			assertThat(seen.uri()).isEqualTo("/ops/v1/requests?status=401");
			Jwt identity = verified(seen.headers().getFirst("Authorization"));
			assertThat(identity.getSubject()).isEqualTo("claimport-operator");
			assertThat(identity.getClaimAsString("scope")).isEqualTo("ops:audit");
		});
	}

	private Jwt verified(String authorization) {
		return NimbusJwtDecoder.withJwkSetUri("http://localhost:" + this.port + "/.well-known/jwks.json")
			.jwsAlgorithm(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.ES256)
			.build()
			.decode(authorization.substring("Bearer ".length()));
	}

}

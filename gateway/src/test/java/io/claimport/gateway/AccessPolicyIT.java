package io.claimport.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.claimport.common.event.Topics;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.RunningService;
import io.claimport.testsupport.TestInfrastructure;
import io.claimport.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AccessPolicyIT extends GatewayTest {

	@Test
	void aStarterAccountIsToldThatApiAccessNeedsProfessional() {
		ApiClient starter = keyed(newAccountKey("STARTER"));

		ApiClient.Response refused = starter.get("/api/v1/products");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asString())
			.isEqualTo("https://claimport.io/problems/plan-upgrade-required");
		assertThat(refused.json().get("detail").asString())
			.isEqualTo("API access needs the Professional plan or higher; this account is on the Starter plan.");
		assertThat(backendSaw).isEmpty();
		assertThat(loggedReason(refused)).isEqualTo("plan_without_api_access");
	}

	@Test
	void aMissingScopeIsRefusedNamingTheScopeWithoutCallingTheService() {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));
		ApiClient reader = keyed(
				owner.post("/api/v1/keys", Map.of("name", "Reader", "scopes", List.of("products:read")))
					.json()
					.get("key")
					.asString());

		ApiClient.Response read = reader.get("/api/v1/products");
		ApiClient.Response write = reader.post("/api/v1/products", List.of(Map.of("name", "X")));
		ApiClient.Response otherResource = reader.get("/api/v1/claims");
		ApiClient.Response audit = reader.get("/api/v1/audit/requests");

		assertThat(read.status()).isEqualTo(200);
		assertThat(List.of(write, otherResource, audit)).allSatisfy((refused) -> {
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.json().get("type").asString())
				.isEqualTo("https://claimport.io/problems/insufficient-scope");
		});
		assertThat(write.json().get("requiredScope").asString()).isEqualTo("products:write");
		assertThat(write.json().get("detail").asString()).isEqualTo("This request needs the scope 'products:write'.");
		assertThat(otherResource.json().get("requiredScope").asString()).isEqualTo("claims:read");
		assertThat(audit.json().get("requiredScope").asString()).isEqualTo("full:access");
		assertThat(backendSaw).singleElement().extracting(Seen::method).isEqualTo("GET");
		assertThat(loggedReason(write)).isEqualTo("insufficient_scope");
		assertThat(audit.header("X-RateLimit-Remaining")).as("a call refused for its scope counts")
			.isEqualTo(Integer.toString(120 - 4));
		assertThat(audit.header("RateLimit-Policy")).isNotNull();
	}

	@Test
	void anIpv4AllowlistAdmitsOnlyItsRange() {
		String key = keyWithAllowlist("203.0.113.0/24");

		ApiClient.Response inside = viaProxy("/api/v1/products",
				Map.of("X-API-Key", key, "X-Forwarded-For", "203.0.113.9"));
		ApiClient.Response outside = viaProxy("/api/v1/products",
				Map.of("X-API-Key", key, "X-Forwarded-For", "198.51.100.7"));

		assertThat(inside.status()).isEqualTo(200);
		assertThat(outside.status()).isEqualTo(403);
		assertThat(outside.json().get("type").asString()).isEqualTo("https://claimport.io/problems/ip-not-allowed");
		assertThat(outside.json().get("detail").asString()).contains("198.51.100.7");
		assertThat(outside.header("X-RateLimit-Remaining")).as("spends none of the owner's quota").isNull();
		assertThat(loggedReason(outside)).isEqualTo("ip_not_allowed");
	}

	@Test
	void anIpv6AllowlistAdmitsOnlyItsRange() {
		String key = keyWithAllowlist("2001:db8::/32");

		ApiClient.Response inside = viaProxy("/api/v1/products",
				Map.of("X-API-Key", key, "X-Forwarded-For", "2001:db8:1234::5"));
		ApiClient.Response outside = viaProxy("/api/v1/products",
				Map.of("X-API-Key", key, "X-Forwarded-For", "2001:db9::5"));
		ApiClient.Response ipv4 = viaProxy("/api/v1/products",
				Map.of("X-API-Key", key, "X-Forwarded-For", "203.0.113.9"));

		assertThat(inside.status()).isEqualTo(200);
		assertThat(outside.status()).isEqualTo(403);
		assertThat(ipv4.status()).isEqualTo(403);
	}

	@Test
	void onlyTheRightMostAddressNotAddedByATrustedProxyCounts() {
		String key = keyWithAllowlist("203.0.113.0/24");

		ApiClient.Response clientInRange = viaProxy("/api/v1/products",
				Map.of("X-API-Key", key, "X-Forwarded-For", "198.51.100.7, 203.0.113.9, 127.0.0.2"));
		ApiClient.Response forgedLeftHop = viaProxy("/api/v1/products",
				Map.of("X-API-Key", key, "X-Forwarded-For", "203.0.113.9, 198.51.100.7"));

		assertThat(clientInRange.status()).isEqualTo(200);
		assertThat(forgedLeftHop.status()).isEqualTo(403);
		assertThat(forgedLeftHop.json().get("detail").asString()).contains("198.51.100.7");
	}

	@Test
	void aSpoofedForwardedForFromAnUntrustedPeerChangesNothing() {
		String rangeKey = keyWithAllowlist("203.0.113.0/24");
		String loopbackKey = keyWithAllowlist("127.0.0.1");

		ApiClient.Response spoofedIn = fromAddress("127.0.0.1", "/api/v1/products",
				Map.of("X-API-Key", rangeKey, "X-Forwarded-For", "203.0.113.9"));
		ApiClient.Response spoofedOut = fromAddress("127.0.0.1", "/api/v1/products",
				Map.of("X-API-Key", loopbackKey, "X-Forwarded-For", "198.51.100.7"));

		assertThat(spoofedIn.status()).isEqualTo(403);
		assertThat(spoofedIn.json().get("detail").asString()).contains("127.0.0.1");
		assertThat(spoofedOut.status()).isEqualTo(200);
	}

	@Test
	void withHttpsRequiredPlainHttpIsRefusedBeforeAuthenticationAndResponsesCarryHsts() {
		try (RunningService gateway = RunningService.start(GatewayApplication.class, "gateway",
				Map.of("claimport.gateway.network.https-required", "true", "claimport.gateway.network.trusted-proxies",
						TRUSTED_PROXY, "claimport.gateway.admin-token", ADMIN_TOKEN))) {
			int port = Integer.parseInt(gateway.baseUrl().substring(gateway.baseUrl().lastIndexOf(':') + 1));
			ApiClient plain = new ApiClient(gateway.baseUrl());

			ApiClient.Response noKey = plain.get("/api/v1/products");
			ApiClient.Response spoofedProto = plain.with("X-Forwarded-Proto", "https").get("/api/v1/products");
			ApiClient management = new ApiClient(gateway.managementUrl());
			ApiClient.Response health = management.get("/actuator/health/readiness");
			ApiClient.Response scrape = management.get("/actuator/prometheus");
			int previousPort = this.port;
			this.port = port;
			ApiClient.Response behindTls = viaProxy("/api/v1/products", Map.of("X-Forwarded-Proto", "https"));
			this.port = previousPort;

			assertThat(List.of(noKey, spoofedProto)).allSatisfy((refused) -> {
				assertThat(refused.status()).isEqualTo(403);
				assertThat(refused.json().get("type").asString())
					.isEqualTo("https://claimport.io/problems/https-required");
				assertThat(refused.header("Strict-Transport-Security"))
					.isEqualTo("max-age=31536000; includeSubDomains");
			});
			assertThat(List.of(health, scrape)).as("the management port is inside the network: no HTTPS asked")
				.allSatisfy((answered) -> assertThat(answered.status()).isEqualTo(200));
			assertThat(behindTls.status()).as("past the HTTPS check, on to authentication").isEqualTo(401);
			assertThat(behindTls.header("Strict-Transport-Security")).startsWith("max-age=");
		}
	}

	private String keyWithAllowlist(String range) {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));
		ApiClient.Response created = owner.post("/api/v1/keys",
				Map.of("name", "Allow-listed", "ipAllowlist", List.of(range)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("key").asString();
	}

	private String loggedReason(ApiClient.Response response) {
		String requestId = response.header("X-Request-Id");
		try (TopicReader log = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.REQUEST_LOG)) {
			JsonNode entry = await().atMost(Duration.ofSeconds(30))
				.until(() -> RequestLogTopic.read(log)
					.stream()
					.filter((logged) -> logged.requestId().equals(requestId))
					.map(RequestLogTopic.Logged::request)
					.findFirst(), (found) -> found.isPresent())
				.get();
			return entry.get("rejectionReason").asString();
		}
	}

}

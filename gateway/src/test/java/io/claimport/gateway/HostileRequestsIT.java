package io.claimport.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway answers to malformed and hostile requests: a problem that says what is
 * wrong, before any service is called, also for requests Netty refuses on its own.
 */
class HostileRequestsIT extends GatewayTest {

	RawHttp raw;

	String key;

	@BeforeEach
	void rawClient() {
		this.raw = new RawHttp("localhost", this.port);
		this.key = newAccountKey("ENTERPRISE");
		backendSaw.clear();
	}

	@Test
	void answersMethodsTheApiDoesNotServeForWhatTheyAreEvenWithAValidKey() {
		RawHttp.Response trace = this.raw.send("TRACE /api/v1/products HTTP/1.1", "X-API-Key: " + this.key);
		assertThat(trace.status()).isEqualTo(405);
		assertThat(trace.headers()).containsKey("allow");
		assertThat(trace.isProblem()).isTrue();

		for (String method : new String[] { "PROPFIND", "FOO", "get" }) {
			RawHttp.Response response = this.raw.send(method + " /api/v1/products HTTP/1.1", "X-API-Key: " + this.key);
			assertThat(response.status()).as(method).isEqualTo(405);
			assertThat(response.headers()).as(method).containsKey("allow");
			assertThat(response.isProblem()).as(method + ": " + response.body()).isTrue();
		}
		assertThat(backendSaw).isEmpty();
	}

	@Test
	void refusesPathsNotInNormalFormBeforeTheyReachAService() {
		for (String path : new String[] { "/api/v1/products/../claims", "/api/v1/products/..;/claims",
				"/api/v1/products/%2e%2e/claims", "/api/v1/products/a%2Fb", "/api/v1/products/%00",
				"/api/v1/products/%zz", "/api/v1/products;x=1" }) {
			RawHttp.Response response = this.raw.send("GET " + path + " HTTP/1.1", "X-API-Key: " + this.key);
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.isProblem()).as(path + ": " + response.body()).isTrue();
		}
		assertThat(backendSaw).isEmpty();
	}

	@Test
	void answersRequestsNettyRefusesOnItsOwnAsProblemJson() {
		Map<String, RawHttp.Response> answers = Map.of("header over 8 KB",
				this.raw.send("GET /api/v1/products HTTP/1.1", "X-Big: " + "a".repeat(20_000)), "request line too long",
				this.raw.send("GET /api/v1/products?q=" + "a".repeat(10_000) + " HTTP/1.1"),
				"Content-Length with Transfer-Encoding",
				this.raw.exchange(("POST /api/v1/products HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
						+ "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1)),
				"bare CR in a header",
				this.raw.exchange("GET /api/v1/products HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.ISO_8859_1)));

		answers.forEach((what, response) -> {
			assertThat(response.status()).as(what).isBetween(400, 499);
			assertThat(response.isProblem()).as(what + ": " + response.body()).isTrue();
		});
	}

	@Test
	void answersActuatorOnTheManagementPortOnlyNeverOnThePublicOne() {
		for (String path : List.of("/actuator/metrics", "/actuator/prometheus", "/actuator/health", "/actuator/info")) {
			assertThat(admin().get(path).status()).as(path).isEqualTo(404);
			assertThat(keyed(this.key).get(path).status()).as(path).isEqualTo(404);
		}

		ApiClient.Response scrape = this.management.get("/actuator/prometheus");
		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.body()).contains("claimport_gateway_request_log_journal")
			.contains("resilience4j_circuitbreaker_state");
		assertThat(this.management.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
		assertThat(this.management.get("/actuator/info").json().get("build").get("artifact").asString())
			.isEqualTo("gateway");
	}

	@Test
	void refusesKeyAndAccountValuesTheDatabaseCannotHoldNamingTheField() {
		ApiClient owner = keyed(this.key);

		assertField(owner.post("/api/v1/keys", Map.of("name", "Far", "expiresAt", "+300000-01-01T00:00:00Z")),
				"expiresAt", "range");
		assertField(owner.post("/api/v1/keys", Map.of("name", "N\u0000L")), "name", "text");
		assertField(owner.post("/api/v1/keys", Map.of("name", "Net", "ipAllowlist", java.util.List.of("1.2.3.4/-1"))),
				"ipAllowlist[0]", "cidr");
		assertField(owner.post("/api/v1/keys", Map.of("name", "Net", "ipAllowlist", java.util.List.of("10.0.0.0/33"))),
				"ipAllowlist[0]", "cidr");
		assertField(admin().post("/admin/v1/accounts", Map.of("name", "Acme\u0000", "plan", "BUSINESS")), "name",
				"text");
		assertField(owner.post("/api/v1/keys", "{\"name\":\"A\",\"name\":\"B\"}"), "name", "duplicateKey");
	}

	@Test
	void refusesAKeyNameThatIsNotWellFormedUtf8() {
		byte[] overlong = "{\"name\":\"a\u00c0\u00afb\"}".getBytes(StandardCharsets.ISO_8859_1);

		RawHttp.Response response = this.raw.send("POST /api/v1/keys HTTP/1.1", overlong, "X-API-Key: " + this.key,
				"Content-Type: application/json");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"name\"", "\"rule\":\"utf8\"");
	}

	private static void assertField(ApiClient.Response response, String field, String rule) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().has("errors")).as(response.body()).isTrue();
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("field").asString()).as(response.body()).isEqualTo(field);
		assertThat(error.get("rule").asString()).as(response.body()).isEqualTo(rule);
	}

}

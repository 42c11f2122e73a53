package io.claimport.catalog.product.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.claimport.common.id.PublicIds;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.RawHttp;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestIdentities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service answers to malformed and hostile requests sent straight at it with a
 * valid identity: a 4xx problem+json that says what is wrong, never a 5xx, an HTML page
 * or a silently changed value.
 */
@ServiceIntegrationTest
class HostileRequestsIT {

	@Value("${local.server.port}")
	int port;

	String account;

	String bearer;

	ApiClient api;

	RawHttp raw;

	@BeforeEach
	void newAccount() {
		this.account = PublicIds.next("acct");
		this.bearer = TestIdentities.bearer(this.account, "full:access");
		this.api = new ApiClient("http://localhost:" + this.port).with("Authorization", this.bearer);
		this.raw = new RawHttp("localhost", this.port);
	}

	@Test
	void refusesANulInOneItemOfABulkAndCreatesTheOthers() {
		ApiClient.Response response = this.api.post("/api/v1/products",
				"[" + product("Lamp", "L-1", "Home", "1.00", "6") + ","
						+ product("Bad\\u0000name", "L-2", "Home", "1.00", "6") + ","
						+ product("Chair", "L-3", "Home\\ud800", "1.00", "6") + "]");

		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.get("summary").toString()).isEqualTo("{\"total\":3,\"created\":1,\"failed\":2}");
		assertThat(body.get("errors").get(0).toString()).contains("\"index\":1", "\"field\":\"name\"",
				"\"rule\":\"text\"", "NUL");
		assertThat(body.get("errors").get(1).toString()).contains("\"index\":2", "\"field\":\"category\"",
				"unpaired surrogate");
		assertThat(this.api.get("/api/v1/products").json().get("totalElements").asInt()).isEqualTo(1);
	}

	@Test
	void refusesANulInAFilterAsBadInputNamingTheParameter() {
		ApiClient.Response response = this.api.get("/api/v1/products?sku=%00");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("sku");
	}

	@Test
	void answersAWildcardContentTypeWith415NamingTheSupportedType() {
		RawHttp.Response response = this.raw.send("POST /api/v1/products HTTP/1.1",
				("[" + product("Lamp", "L-1", "Home", "1.00", "6") + "]").getBytes(StandardCharsets.UTF_8),
				"Authorization: " + this.bearer, "Content-Type: */*");

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.body()).contains("\"supportedMediaTypes\":[\"application/json\"]");
		assertThat(this.api.get("/api/v1/products").json().get("totalElements").asInt()).isZero();
	}

	@Test
	void refusesABodySaidToBeInACharsetOtherThanUtf8InsteadOfGuessing() {
		byte[] body = ("[" + product("Lamp", "L-16", "Home", "1.00", "6") + "]").getBytes(StandardCharsets.UTF_8);
		for (String charset : List.of("utf-16", "UTF-32", "iso-8859-1")) {
			RawHttp.Response response = this.raw.send("POST /api/v1/products HTTP/1.1", body,
					"Authorization: " + this.bearer, "Content-Type: application/json; charset=" + charset);

			assertThat(response.status()).as(charset).isEqualTo(415);
			assertThat(response.body()).as(charset).contains("(UTF-8)");
		}
		RawHttp.Response utf8 = this.raw.send("POST /api/v1/products HTTP/1.1", body, "Authorization: " + this.bearer,
				"Content-Type: application/json; charset=UTF-8");
		assertThat(utf8.status()).isEqualTo(201);
		assertThat(this.api.get("/api/v1/products").json().get("totalElements").asInt()).isOne();
	}

	@Test
	void refusesAnUnknownQueryParameterNamingItAndTheOneProbablyMeant() {
		ApiClient.Response typo = this.api.get("/api/v1/products?categry=Home&size=5");
		ApiClient.Response known = this.api.get("/api/v1/products?category=Home&size=5");

		assertThat(typo.status()).isEqualTo(400);
		assertThat(typo.contentType()).startsWith("application/problem+json");
		assertThat(typo.json().get("errors").get(0).get("field").asString()).isEqualTo("categry");
		assertThat(typo.json().get("errors").get(0).get("rule").asString()).isEqualTo("unknownParameter");
		assertThat(typo.json().get("errors").get(0).get("message").asString()).contains("did you mean 'category'?");
		assertThat(known.status()).isEqualTo(200);
		// an endpoint that takes no parameters refuses every one, saying it takes none
		ApiClient.Response one = this.api.get("/api/v1/products/prod_01KA0000000000000000000000?category=Home");
		assertThat(one.status()).isEqualTo(400);
		assertThat(one.json().get("errors").get(0).get("message").asString()).endsWith("it takes none");
	}

	@Test
	void refusesAPageBeyondTheDeepestOffsetInsteadOfOverflowing() {
		ApiClient.Response response = this.api.get("/api/v1/products?page=21474837&size=100");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
		assertThat(this.api.get("/api/v1/products?page=99&size=100").status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/products?page=100&size=100").status()).isEqualTo(400);
	}

	@Test
	void refusesWhatJsonWouldOtherwiseChangeWithoutAWord() {
		byte[] overlong = ("[{\"name\":\"a" + "\u00c0\u00af" + "b\"}]").getBytes(StandardCharsets.ISO_8859_1);
		RawHttp.Response slash = this.raw.send("POST /api/v1/products HTTP/1.1", overlong,
				"Authorization: " + this.bearer, "Content-Type: application/json");
		assertThat(slash.status()).isEqualTo(400);
		assertThat(slash.body()).contains("\"field\":\"[0].name\"", "\"rule\":\"utf8\"");

		ApiClient.Response fraction = this.api.post("/api/v1/products",
				"[" + product("Lamp", "L-1", "Home", "1.00", "1.5") + "]");
		assertThat(fraction.status()).isEqualTo(400);
		assertThat(fraction.json().get("errors").get(0).get("field").asString()).isEqualTo("[0].warrantyMonths");

		ApiClient.Response duplicate = this.api.post("/api/v1/products",
				"[{\"name\":\"A\",\"name\":\"B\",\"sku\":\"L-1\",\"category\":\"Home\",\"price\":1,\"warrantyMonths\":1}]");
		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.json().get("errors").get(0).toString()).contains("\"field\":\"[0].name\"",
				"\"rule\":\"duplicateKey\"");

		assertThat(this.api.get("/api/v1/products").json().get("totalElements").asInt()).isZero();
	}

	@Test
	void answersEveryRequestTheServerRefusesOnItsOwnAsProblemJson() {
		Map<String, RawHttp.Response> answers = Map.of("encoded slash",
				this.raw.send("GET /api/v1/products/a%2Fb HTTP/1.1", "Authorization: " + this.bearer), "NUL in id",
				this.raw.send("GET /api/v1/products/%00 HTTP/1.1", "Authorization: " + this.bearer), "lone percent",
				this.raw.send("GET /api/v1/products/% HTTP/1.1", "Authorization: " + this.bearer), "brackets in query",
				this.raw.send("GET /api/v1/products?page[]= HTTP/1.1", "Authorization: " + this.bearer),
				"too many headers", this.raw.send("GET /api/v1/products HTTP/1.1", manyHeaders(150)),
				"a header over 8 KB", this.raw.send("GET /api/v1/products HTTP/1.1", "X-Big: " + "a".repeat(9_000)),
				"unknown path", this.raw.send("GET /nothing/here HTTP/1.1", "Authorization: " + this.bearer));

		answers.forEach((what, response) -> {
			assertThat(response.status()).as(what).isBetween(400, 499);
			assertThat(response.isProblem()).as(what + ": " + response.body()).isTrue();
			assertThat(response.body().toLowerCase()).as(what).doesNotContain("tomcat", "apache", "<html");
		});
	}

	@Test
	void answersUnknownMethodsAndDotSegmentsForWhatTheyAreNotAsAMissingIdentity() {
		Map<String, Integer> expected = Map.of("TRACE /api/v1/products HTTP/1.1", 405,
				"PROPFIND /api/v1/products HTTP/1.1", 405, "FOO /api/v1/products HTTP/1.1", 405,
				"get /api/v1/products HTTP/1.1", 405, "GET /api/v1/x/../products HTTP/1.1", 400,
				"GET /api/v1/products/..;/products HTTP/1.1", 400);

		expected.forEach((requestLine, status) -> {
			RawHttp.Response response = this.raw.send(requestLine, "Authorization: " + this.bearer);
			assertThat(response.status()).as(requestLine).isEqualTo(status);
			assertThat(response.isProblem()).as(requestLine + ": " + response.body()).isTrue();
		});
	}

	private static String[] manyHeaders(int count) {
		return java.util.stream.IntStream.range(0, count).mapToObj((i) -> "X-H" + i + ": v").toArray(String[]::new);
	}

	private static String product(String name, String sku, String category, String price, String warrantyMonths) {
		return "{\"name\":\"" + name + "\",\"sku\":\"" + sku + "\",\"category\":\"" + category + "\",\"price\":" + price
				+ ",\"warrantyMonths\":" + warrantyMonths + "}";
	}

}

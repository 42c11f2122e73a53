package io.claimport.gateway;

import io.claimport.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole API's contract at the gateway, without a key, and Swagger UI over it. Every
 * answer of every gateway test is checked against this contract (GatewayTest).
 */
class ApiContractIT extends GatewayTest {

	@Test
	void theContractMergesTheGatewaysOwnApiWithEachServicesUnderTheirPublicPaths() {
		ApiClient.Response answer = this.anonymous.get("/api/v1/openapi.json");

		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		JsonNode contract = answer.json();
		assertThat(contract.get("openapi").asString()).isEqualTo("3.1.0");
		JsonNode paths = contract.get("paths");
		// every route leads to the one stub here: its operators' paths (/ops/v1/) are
		// published under the first admin route to it, the analytics service's
		assertThat(paths.propertyNames())
			.contains("/api/v1/keys", "/api/v1/keys/{keyId}", "/admin/v1/accounts", "/api/v1/things/{id}",
					"/admin/v1/analytics/things")
			.doesNotContain("/ops/v1/things");
		assertThat(paths.get("/admin/v1/analytics/things").get("get").get("security").get(0).has("AdminToken"))
			.isTrue();
		JsonNode thing = paths.get("/api/v1/things/{id}").get("get");
		assertThat(thing.get("security").get(0).has("ApiKey")).isTrue();
		assertThat(thing.get("responses").propertyNames()).contains("200", "401", "429", "502", "503", "504");
		assertThat(thing.get("responses").get("429").get("content").get("application/problem+json").toString())
			.contains("#/components/schemas/Problem");
		// the stub's KeyView is not the gateway's: both are kept
		JsonNode schemas = contract.get("components").get("schemas");
		assertThat(schemas.get("KeyView").get("properties").has("prefix")).isTrue();
		assertThat(thing.get("responses").get("200").toString()).contains("#/components/schemas/CatalogKeyView");
		assertThat(schemas.get("CatalogKeyView").get("properties").has("thing")).isTrue();
		JsonNode keys = paths.get("/api/v1/keys").get("post");
		assertThat(keys.get("responses").propertyNames()).contains("201", "400", "401", "422");
		assertThat(contract.get("components").get("securitySchemes").get("ApiKey").get("name").asString())
			.isEqualTo("X-API-Key");
	}

	@Test
	void swaggerUiRunsFromTheGatewayUnderAPolicyWithoutInlineScript() {
		ApiClient.Response page = this.anonymous.get("/docs");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'")
			.containsPattern("script-src 'self';")
			.doesNotContain("unsafe-eval");
		assertThat(page.body()).doesNotContainPattern("<script>").contains("/docs/init.js");
		String bundle = page.body().replaceAll("(?s).*<script src=\"([^\"]+swagger-ui-bundle.js)\".*", "$1");
		assertThat(this.anonymous.get(bundle).status()).isEqualTo(200);
		assertThat(this.anonymous.get("/docs/init.js").body()).contains("/api/v1/openapi.json");
	}

}

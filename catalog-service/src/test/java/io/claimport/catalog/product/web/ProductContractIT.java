package io.claimport.catalog.product.web;

import io.claimport.testsupport.ApiContract;
import io.claimport.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** The products API's contract says what the API does: fields, limits, enums, errors. */
@ServiceIntegrationTest
class ProductContractIT {

	@Value("${local.server.port}")
	int port;

	@Test
	void describesEveryFieldWithItsRulesAndEveryErrorAsAProblem() {
		JsonNode contract = ApiContract.fetch("http://localhost:" + this.port + "/v3/api-docs").document();

		assertThat(contract.get("openapi").asString()).startsWith("3.1");
		JsonNode post = contract.get("paths").get("/api/v1/products").get("post");
		assertThat(post.get("responses").propertyNames()).contains("201", "400", "413", "422");
		assertThat(post.get("responses").get("413").get("content").has("application/problem+json")).isTrue();
		assertThat(post.get("requestBody").get("content").propertyNames()).contains("application/json", "text/csv");
		JsonNode product = contract.get("components").get("schemas").get("ProductRequest");
		assertThat(product.get("properties").get("sku").get("maxLength").asInt()).isEqualTo(64);
		assertThat(product.get("properties").get("sku").get("example").asString()).isEqualTo("WHP-001");
		assertThat(product.get("properties").get("warrantyMonths").get("maximum").asInt()).isEqualTo(240);
		assertThat(contract.get("components").get("securitySchemes").get("ApiKey").get("name").asString())
			.isEqualTo("X-API-Key");
	}

}

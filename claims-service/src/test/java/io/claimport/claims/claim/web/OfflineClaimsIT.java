package io.claimport.claims.claim.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimport.common.event.Topics;
import io.claimport.claims.DeskAccount;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestInfrastructure;
import io.claimport.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Offline warranty claims as seed 002 describes them, on real PostgreSQL and Kafka. */
@ServiceIntegrationTest
class OfflineClaimsIT {

	@RegisterExtension
	final DeskAccount desk = new DeskAccount();

	@Test
	void filesAnOfflineWarrantyClaimAndAnswersAsTheSeedShowsWithTheClaimsId() {
		ApiClient.Response response = this.desk.api().post("/api/v1/claims/offline", seedRequest(recent(), "P1Y"));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode answer = response.json();
		assertThat(answer.get("status").asString()).isEqualTo("ok");
		JsonNode payload = answer.get("payload");
		String id = payload.get("id").asString();
		assertThat(id).startsWith("clm_");
		assertThat(payload.get("sourceOrderId").asString()).matches("OF-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(payload.get("customer").toString())
			.isEqualTo("{\"email\":\"customer@example.com\",\"phoneNumber\":\"+1234567890\"}");
		assertThat(payload.get("item").get("images")).hasSize(2);
		assertThat(payload.get("item").get("price").decimalValue()).isEqualByComparingTo("99.99");
		assertThat(payload.get("warranty").get("warrantyPeriod").asString()).isEqualTo("P1Y");
		assertThat(payload.get("shippingAddress").get("lng").decimalValue()).isEqualByComparingTo("-74.006");
		assertThat(payload.get("storeId").asString()).isEqualTo("store_123");
		assertThat(payload.get("salesChannel").asString()).isEqualTo("IN_STORE");
		assertThat(payload.get("issueType").asString()).isEqualTo("DEFECTIVE_ITEM");
		assertThat(payload.get("resolution").asString()).isEqualTo("REFUND");
		assertThat(payload.get("claimFiledFrom").asString()).isEqualTo("EXTERNAL");

		JsonNode claim = this.desk.api().get("/api/v1/claims/" + id).json();
		assertThat(claim.get("claimState").asString()).isEqualTo("NEW");
		assertThat(claim.get("sourceOrderId").asString()).isEqualTo(payload.get("sourceOrderId").asString());
		assertThat(claim.get("orderId").isNull()).isTrue();
		assertThat(claim.get("authorName").asString()).isEqualTo("John Smith");
		assertThat(claim.get("authorEmail").asString()).isEqualTo("customer@example.com");
		assertThat(claim.get("claimType").asString()).isEqualTo("DEFECTIVE_ITEM");
		assertThat(claim.get("claimCategory").asString()).isEqualTo("WARRANTY");
		assertThat(claim.get("requestedResolution").asString()).isEqualTo("REFUND");
		assertThat(claim.get("storeId").asString()).isEqualTo("store_123");
		assertThat(claim.get("item").get("sku").asString()).isEqualTo("SKU-12345");
		assertThat(claim.get("shippingAddress").get("city").asString()).isEqualTo("New York");
		assertThat(claim.get("claimItems").get(0).get("itemId").asString()).isEqualTo("SKU-12345");
		assertThat(this.desk.api().get("/api/v1/claims").json().get("edges").get(0).get("node").get("id").asString())
			.isEqualTo(id);

		try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.CLAIMS)) {
			TopicReader.Received event = await().atMost(Duration.ofSeconds(30))
				.until(() -> reader.records().stream().filter((r) -> id.equals(r.key())).findFirst(),
						(found) -> found.isPresent())
				.get();
			assertThat(event.headers()).containsEntry("ce_type", "ClaimCreated");
			assertThat(event.headers()).containsEntry("ce_schemaversion", "2");
			// what analytics breaks claims down by
			assertThat(event.value())
				.contains("\"issueType\":\"DEFECTIVE_ITEM\"", "\"claimCategory\":\"WARRANTY\"",
						"\"salesChannel\":\"IN_STORE\"", "\"sku\":\"SKU-12345\"")
				.doesNotContain("customer@example.com");
		}
	}

	@Test
	void refusesAWarrantyClaimOutsideItsWindowNamingTheDayItEnded() {
		ApiClient.Response expired = this.desk.api()
			.post("/api/v1/claims/offline", seedRequest("2024-01-15T00:00:00.000Z", "P1Y"));

		assertThat(expired.status()).isEqualTo(422);
		assertThat(expired.json().get("type").asString()).isEqualTo("https://claimport.io/problems/warranty-expired");
		assertThat(expired.json().get("warrantyEndedOn").asString()).isEqualTo("2025-01-15");
		assertThat(this.desk.api().get("/api/v1/claims").json().get("edges")).isEmpty();
	}

	@Test
	void namesEachBadFieldTheRuleAndTheAllowedValuesAndWritesNothing() {
		Map<String, Object> request = seedRequest(recent(), "one year");
		request.put("salesChannel", "MARKET_STALL");
		request.put("issueType", "BROKEN");
		request.put("signature", "http://example.com/signature.png");
		request.remove("storeId");
		Map<String, Object> warranty = new HashMap<>(asMap(request.get("warranty")));
		warranty.put("receiptImages", List.of());
		request.put("warranty", warranty);

		ApiClient.Response refused = this.desk.api().post("/api/v1/claims/offline", request);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).contains("storeId");
		ApiClient.Response afterFieldRules = this.desk.api().post("/api/v1/claims/offline", withStore(request));
		JsonNode errors = afterFieldRules.json().get("errors");
		assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("salesChannel", "issueType",
				"signature", "warranty.receiptImages", "warranty.warrantyPeriod");
		assertThat(errors.toString()).contains("ONLINE, IN_STORE", "DEFECTIVE_ITEM", "receiptRequired");
		assertThat(this.desk.api().get("/api/v1/claims").json().get("edges")).isEmpty();
	}

	@Test
	void takesAnEmptySignatureAndDefaultsWhereTheClaimWasFiledFrom() {
		Map<String, Object> request = seedRequest(recent(), "P90D");
		request.put("signature", "");
		request.remove("claimFiledFrom");
		request.remove("options");

		ApiClient.Response response = this.desk.api().post("/api/v1/claims/offline", request);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("payload").get("claimFiledFrom").asString()).isEqualTo("EXTERNAL");
		assertThat(response.json().get("payload").get("options").toString())
			.isEqualTo("{\"fromValet\":false,\"requireCustomerSignature\":false}");
	}

	private static Map<String, Object> withStore(Map<String, Object> request) {
		Map<String, Object> copy = new HashMap<>(request);
		copy.put("storeId", "store_123");
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}

	private static String recent() {
		return Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/** The request of seed 002, bought at the given time with the given warranty. */
	private static Map<String, Object> seedRequest(String dateOfPurchase, String warrantyPeriod) {
		Map<String, Object> request = new HashMap<>();
		request.put("customer", Map.of("email", "customer@example.com", "phoneNumber", "+1234567890"));
		request.put("item",
				Map.of("sourceProductId", "product_123", "sourceVariantId", "variant_123", "name", "Product Name",
						"images", List.of("https://example.com/image1.jpg", "https://example.com/image2.jpg"),
						"sourceItemId", "item_123", "sku", "SKU-12345", "details",
						"Product details and description of the issue", "productImage",
						"https://example.com/product.jpg", "price", 99.99, "subIssueId", "sub_issue_123"));
		request.put("warranty",
				Map.of("dateOfPurchase", dateOfPurchase, "receiptRequired", true, "receiptImages",
						List.of("https://example.com/receipt.jpg"), "warrantyPeriod", warrantyPeriod,
						"productDescription", "Description of the product and its condition"));
		Map<String, Object> address = new HashMap<>(Map.of("firstName", "John", "lastName", "Smith", "address1",
				"123 Main St", "city", "New York", "zip", "10001", "country", "United States", "address2", "Apt 1",
				"state", "NY", "stateAbr", "NY", "countryAbr", "US"));
		address.put("lat", 40.7128);
		address.put("lng", -74.006);
		address.put("addressOrigin", "CONCIERGE");
		request.put("shippingAddress", address);
		request.put("storeId", "store_123");
		request.put("signature", "https://example.com/signature.png");
		request.put("salesChannel", "IN_STORE");
		request.put("claimCategory", "WARRANTY");
		request.put("issueType", "DEFECTIVE_ITEM");
		request.put("resolution", "REFUND");
		request.put("claimFiledFrom", "EXTERNAL");
		request.put("options", Map.of("fromValet", false, "requireCustomerSignature", false));
		return request;
	}

}

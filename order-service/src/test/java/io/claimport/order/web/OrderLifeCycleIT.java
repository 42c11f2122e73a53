package io.claimport.order.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimport.common.event.Topics;
import io.claimport.common.id.PublicIds;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestIdentities;
import io.claimport.testsupport.TestInfrastructure;
import io.claimport.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Orders moved along their life cycle over the API, on real PostgreSQL and Kafka. */
@ServiceIntegrationTest
class OrderLifeCycleIT {

	@Value("${local.server.port}")
	int port;

	ApiClient api;

	@BeforeEach
	void newAccount() {
		this.api = new ApiClient("http://localhost:" + this.port).with("Authorization",
				TestIdentities.bearer(PublicIds.next("acct"), "full:access"));
	}

	@Test
	void anOrderKeepsWhenItWasOrderedAndWhereItGoes() {
		Map<String, Object> order = order("2001");
		order.put("orderedAt", "2026-11-30T18:00:00Z");
		order.put("shippingAddress", address("1 Main St"));

		String id = place(order);
		JsonNode placed = this.api.get("/api/v1/orders/" + id).json();

		assertThat(placed.get("orderedAt").asString()).isEqualTo("2026-11-30T18:00:00Z");
		assertThat(placed.get("shippingAddress").get("country").asString()).isEqualTo("US");
		assertThat(placed.get("shippingAddress").get("line1").asString()).isEqualTo("1 Main St");
	}

	@Test
	void shippingAndDeliveringPublishTheStatusChangesAtTheOrdersNewVersions() {
		String id = place(order("2002"));
		String path = "/api/v1/orders/" + id;

		ApiClient.Response shipped = this.api.with("If-Match", "\"0\"")
			.patch(path, Map.of("status", "SHIPPED", "carrier", "UPS", "trackingNumber", "1Z999AA10123456784"));
		ApiClient.Response delivered = this.api.patch(path,
				Map.of("status", "DELIVERED", "deliveredAt", "2026-12-06T15:30:00Z"));

		assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
		assertThat(shipped.header("ETag")).isEqualTo("\"1\"");
		assertThat(shipped.json().get("carrier").asString()).isEqualTo("UPS");
		assertThat(shipped.json().get("shippedAt").isNull()).isFalse();
		assertThat(delivered.json().get("status").asString()).isEqualTo("DELIVERED");
		assertThat(delivered.json().get("deliveredAt").asString()).isEqualTo("2026-12-06T15:30:00Z");
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.ORDERS)) {
			List<TopicReader.Received> events = await().atMost(Duration.ofSeconds(30))
				.until(() -> reader.records().stream().filter((r) -> id.equals(r.key())).toList(),
						(found) -> found.size() == 5);
			assertThat(events.stream()
				.map((e) -> e.headers().get("ce_type") + "@" + e.headers().get("ce_aggregateversion")))
				.containsExactly("OrderCreated@0", "OrderStatusChanged@1", "OrderUpdated@1", "OrderStatusChanged@2",
						"OrderUpdated@2");
			assertThat(events.get(1).value()).contains("\"fromStatus\":\"PENDING\"")
				.contains("\"toStatus\":\"SHIPPED\"");
			assertThat(events.get(2).value()).doesNotContain("1Z999AA10123456784");
		}
	}

	@Test
	void aMoveTheLifeCycleDoesNotAllowIs409NamingTheAllowedStatusesAndChangesNothing() {
		String id = place(order("2003"));
		String path = "/api/v1/orders/" + id;
		this.api.patch(path, Map.of("status", "CANCELLED"));

		ApiClient.Response refused = this.api.patch(path, Map.of("status", "SHIPPED"));
		ApiClient.Response stale = this.api.with("If-Match", "\"0\"").patch(path, Map.of("carrier", "DHL"));
		ApiClient.Response removed = this.api.patch(path, "{\"carrier\":null}");
		ApiClient.Response unknown = this.api.patch(path, Map.of("status", "LOST"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asString())
			.isEqualTo("https://claimport.io/problems/order-status-conflict");
		assertThat(refused.json().get("currentStatus").asString()).isEqualTo("CANCELLED");
		assertThat(refused.json().get("allowedStatuses")).isEmpty();
		assertThat(stale.status()).isEqualTo(412);
		assertThat(removed.status()).isEqualTo(400);
		assertThat(removed.json().get("errors").get(0).get("field").asString()).isEqualTo("carrier");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
		JsonNode order = this.api.get(path).json();
		assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(order.get("carrier").isNull()).isTrue();
	}

	@Test
	void anUpsertUpdatesKnownOrderNumbersCreatesTheRestAndRefusesAMoveBackPerRow() {
		String shipped = place(order("2101"));
		this.api.patch("/api/v1/orders/" + shipped, Map.of("status", "SHIPPED"));
		String pending = place(order("2102"));
		String same = place(order("2103"));
		Map<String, Object> delivered = order("2102");
		delivered.put("status", "DELIVERED");
		delivered.put("lineItems", List.of(Map.of("sku", "WHP-001", "quantity", 2, "price", new BigDecimal("149.99"))));
		Map<String, Object> back = order("2101");
		back.put("status", "PENDING");

		ApiClient.Response response = this.api.post("/api/v1/orders?mode=upsert",
				List.of(delivered, order("2103"), back, order("2104")));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.get("summary").toString())
			.isEqualTo("{\"total\":4,\"created\":1,\"updated\":1,\"unchanged\":1,\"failed\":1}");
		assertThat(body.get("updated").get(0).asString()).isEqualTo(pending);
		assertThat(body.get("unchanged").get(0).asString()).isEqualTo(same);
		assertThat(body.get("errors").get(0).get("index").asInt()).isEqualTo(2);
		assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("status");
		assertThat(body.get("errors").get(0).get("message").asString()).contains("DELIVERED", "REFUNDED");
		JsonNode updated = this.api.get("/api/v1/orders/" + pending).json();
		assertThat(updated.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(updated.get("totalAmount").decimalValue()).isEqualByComparingTo("299.98");
		assertThat(this.api.get("/api/v1/orders/" + shipped).json().get("status").asString()).isEqualTo("SHIPPED");
		assertThat(this.api.post("/api/v1/orders?mode=merge", List.of(order("2105"))).status()).isEqualTo(400);
	}

	@Test
	void everyLineHasAnIdThatAnUpsertKeepsAndTheOrdersEventsCarry() {
		Map<String, Object> order = order("2201");
		order.put("lineItems", List.of(line("9001", "WHP-001", 1), line(null, "CASE-01", 1)));
		String id = place(order);
		JsonNode placed = this.api.get("/api/v1/orders/" + id).json().get("lineItems");
		String headphones = placed.get(0).get("id").asString();
		assertThat(placed.findValuesAsString("id")).allMatch((line) -> line.startsWith("li_")).doesNotHaveDuplicates();
		assertThat(placed.get(0).get("sourceItemId").asString()).isEqualTo("9001");

		Map<String, Object> changed = order("2201");
		changed.put("lineItems", List.of(line("9003", "CABLE-01", 1), line("9001", "WHP-001", 2)));
		ApiClient.Response upserted = this.api.post("/api/v1/orders?mode=upsert", List.of(changed));
		Map<String, Object> twice = order("2202");
		twice.put("lineItems", List.of(line("9001", "A", 1), line("9001", "B", 1)));
		ApiClient.Response repeated = this.api.post("/api/v1/orders", List.of(twice));

		assertThat(upserted.json().get("updated").get(0).asString()).isEqualTo(id);
		JsonNode now = this.api.get("/api/v1/orders/" + id).json().get("lineItems");
		assertThat(now.get(1).get("id").asString()).as("the store's line 9001, its quantity changed")
			.isEqualTo(headphones);
		assertThat(now.get(0).get("id").asString()).startsWith("li_").isNotIn(placed.findValuesAsString("id"));
		assertThat(repeated.status()).isEqualTo(422);
		assertThat(repeated.json().get("errors").get(0).get("field").asString()).isEqualTo("lineItems[1].sourceItemId");
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.ORDERS)) {
			List<TopicReader.Received> events = await().atMost(Duration.ofSeconds(30))
				.until(() -> reader.records().stream().filter((r) -> id.equals(r.key())).toList(),
						(found) -> found.size() == 2);
			assertThat(events.get(0).headers().get("ce_schemaversion")).isEqualTo("3");
			assertThat(events.get(0).value()).contains("\"id\":\"" + headphones + "\"", "\"sourceItemId\":\"9001\"");
			assertThat(events.get(1).value()).contains("\"id\":\"" + headphones + "\"", "\"quantity\":2");
		}
	}

	@Test
	void importsAShopifyOrderExportOneRowPerLineAndReportsALinesErrorAtItsRow() {
		String export = """
				Name,Email,Financial Status,Fulfillment Status,Currency,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Shipping Name,Shipping Address1,Shipping City,Shipping Zip,Shipping Province,Shipping Country
				#3001,ann@example.com,paid,fulfilled,EUR,2026-11-02 10:15:00 +0100,1,Headphones,149.99,WHP-001,Ann Lee,Ann Lee,1 Main St,Springfield,62701,IL,us
				#3001,,,,,,2,Case,19.99,CASE-01,,,,,,,
				#3002,bob@example.com,paid,,USD,2026-11-03 09:00:00 -0500,1,Cable,9.99,CABLE-01,Bob Roe,,,,,,
				#3002,,,,,,two,Case,19.99,CASE-01,,,,,,,
				""";

		ApiClient.Response imported = this.api.post("/api/v1/orders", "text/csv", export);

		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		JsonNode body = imported.json();
		assertThat(body.get("summary").toString()).isEqualTo("{\"total\":2,\"created\":1,\"failed\":1}");
		assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("lineItems[1].quantity");
		assertThat(body.get("errors").get(0).get("row").asInt()).isEqualTo(5);
		JsonNode order = this.api.get("/api/v1/orders/" + body.get("created").get(0).asString()).json();
		assertThat(order.get("orderNumber").asString()).isEqualTo("#3001");
		assertThat(order.get("status").asString()).isEqualTo("SHIPPED");
		assertThat(order.get("currency").asString()).isEqualTo("EUR");
		assertThat(order.get("orderedAt").asString()).isEqualTo("2026-11-02T09:15:00Z");
		assertThat(order.get("lineItems").findValuesAsString("sku")).containsExactly("WHP-001", "CASE-01");
		assertThat(order.get("totalAmount").decimalValue()).isEqualByComparingTo("189.97");
		assertThat(order.get("shippingAddress").get("country").asString()).isEqualTo("US");

		String refunded = export.replace("paid,fulfilled", "refunded,fulfilled").replace("two", "2");
		ApiClient.Response upserted = this.api.post("/api/v1/orders?mode=upsert", "text/csv", refunded);
		assertThat(upserted.json().get("results").findValuesAsString("outcome")).containsExactly("updated", "created");
		assertThat(upserted.json().get("results").get(1).get("row").asInt()).isEqualTo(4);
		assertThat(
				this.api.get("/api/v1/orders/" + body.get("created").get(0).asString()).json().get("status").asString())
			.isEqualTo("REFUNDED");
	}

	@Test
	void theLifeCycleIsPublishedAndAnotherAccountsOrderIs404() {
		String id = place(order("2004"));
		JsonNode lifecycle = this.api.get("/api/v1/orders/statuses").json();
		ApiClient stranger = new ApiClient("http://localhost:" + this.port).with("Authorization",
				TestIdentities.bearer(PublicIds.next("acct"), "full:access"));

		assertThat(lifecycle.get("statuses").findValuesAsString("status")).containsExactly("PENDING", "PROCESSING",
				"SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED");
		assertThat(lifecycle.get("statuses").get(2).get("allowedNext").toString())
			.isEqualTo("[\"DELIVERED\",\"REFUNDED\"]");
		assertThat(stranger.patch("/api/v1/orders/" + id, Map.of("status", "PROCESSING")).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/orders/" + id).json().get("status").asString()).isEqualTo("PENDING");
	}

	private String place(Map<String, Object> order) {
		ApiClient.Response response = this.api.post("/api/v1/orders", List.of(order));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("created").get(0).asString();
	}

	private static Map<String, Object> address(String line1) {
		return Map.of("name", "Ann Lee", "line1", line1, "city", "Springfield", "region", "IL", "postalCode", "62701",
				"country", "US");
	}

	private static Map<String, Object> line(String sourceItemId, String sku, int quantity) {
		Map<String, Object> line = new HashMap<>(
				Map.of("sku", sku, "quantity", quantity, "price", new BigDecimal("9.99")));
		if (sourceItemId != null) {
			line.put("sourceItemId", sourceItemId);
		}
		return line;
	}

	private static Map<String, Object> order(String number) {
		Map<String, Object> order = new HashMap<>();
		order.put("orderNumber", number);
		order.put("customer", Map.of("email", "ann@example.com", "name", "Ann Lee"));
		order.put("lineItems", List.of(Map.of("sku", "WHP-001", "quantity", 1, "price", new BigDecimal("149.99"))));
		return order;
	}

}

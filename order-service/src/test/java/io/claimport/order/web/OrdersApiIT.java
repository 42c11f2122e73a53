package io.claimport.order.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
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

@ServiceIntegrationTest
class OrdersApiIT {

	@Value("${local.server.port}")
	int port;

	ApiClient api;

	String account;

	@BeforeEach
	void newAccount() {
		this.account = PublicIds.next("acct");
		this.api = client(this.account);
	}

	@Test
	void placesOrdersInBulkWithTotalsAndPublishesOrderCreated() {
		ApiClient.Response response = this.api.post("/api/v1/orders",
				List.of(order("1001", "PAID_TYPO_FREE", "ann@example.com"), order("1002", null, "bob@example.com")));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("summary").toString()).isEqualTo("{\"total\":2,\"created\":1,\"failed\":1}");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("status");

		String id = response.json().get("created").get(0).asString();
		JsonNode order = this.api.get("/api/v1/orders/" + id).json();
		assertThat(order.get("status").asString()).isEqualTo("PENDING");
		assertThat(order.get("currency").asString()).isEqualTo("USD");
		assertThat(order.get("customer").get("email").asString()).isEqualTo("bob@example.com");
		assertThat(order.get("totalAmount").decimalValue()).isEqualByComparingTo("349.99");
		assertThat(order.get("lineItems")).hasSize(2);

		try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.ORDERS)) {
			TopicReader.Received event = await().atMost(Duration.ofSeconds(30))
				.until(() -> reader.records().stream().filter((r) -> id.equals(r.key())).findFirst(),
						(found) -> found.isPresent())
				.get();
			assertThat(event.headers()).containsEntry("ce_type", "OrderCreated")
				.containsEntry("ce_accountid", this.account);
			assertThat(event.value()).contains("\"status\":\"PENDING\"").contains("\"totalQuantity\":3");
		}
	}

	@Test
	void namesNestedFieldsOfInvalidLineItems() {
		Map<String, Object> broken = Map.of("customer", Map.of("email", "not-an-email", "name", "Ann"), "lineItems",
				List.of(Map.of("sku", "A", "quantity", 0, "price", new BigDecimal("1.00"))));

		ApiClient.Response response = this.api.post("/api/v1/orders", List.of(broken));

		assertThat(response.status()).isEqualTo(422);
		List<String> errors = new ArrayList<>();
		response.json()
			.get("errors")
			.forEach((e) -> errors.add(e.get("field").asString() + " " + e.get("rule").asString()));
		assertThat(errors).containsExactly("customer.email email", "lineItems[0].quantity min");
	}

	@Test
	void refusesAnOrderWhoseTotalNoColumnHoldsAndCreatesTheRestOfTheBulk() {
		Map<String, Object> huge = Map.of("customer", Map.of("email", "ann@example.com", "name", "Ann"), "lineItems",
				List.of(Map.of("sku", "A", "quantity", 100_000, "price", new BigDecimal("9999999999.99"))));

		ApiClient.Response response = this.api.post("/api/v1/orders",
				List.of(order("4001", null, "ann@example.com"), huge));

		assertThat(response.status()).isEqualTo(201);
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("index").asInt()).isEqualTo(1);
		assertThat(error.get("field").asString()).isEqualTo("lineItems");
		assertThat(error.get("rule").asString()).isEqualTo("maxTotal");
		assertThat(this.api.get("/api/v1/orders").json().get("totalElements").asInt()).isEqualTo(1);
	}

	@Test
	void refusesAnOrderNumberTheAccountAlreadyHas() {
		this.api.post("/api/v1/orders", List.of(order("2001", null, "ann@example.com")));

		ApiClient.Response again = this.api.post("/api/v1/orders", List.of(order("2001", null, "ann@example.com")));

		assertThat(again.status()).isEqualTo(422);
		assertThat(again.json().get("errors").get(0).get("rule").asString()).isEqualTo("unique");
	}

	@Test
	void filtersByStatusAndCustomerWithinTheAccountOnly() {
		this.api.post("/api/v1/orders", List.of(order("3001", "SHIPPED", "ann@example.com"),
				order("3002", "PENDING", "ann@example.com"), order("3003", "SHIPPED", "bob@example.com")));
		client(PublicIds.next("acct")).post("/api/v1/orders", List.of(order("3004", "SHIPPED", "ann@example.com")));

		JsonNode shipped = this.api.get("/api/v1/orders?status=SHIPPED").json();
		JsonNode ann = this.api.get("/api/v1/orders?customerEmail=ANN@example.com").json();
		ApiClient.Response badStatus = this.api.get("/api/v1/orders?status=LOST");

		assertThat(shipped.get("totalElements").asInt()).isEqualTo(2);
		assertThat(ann.get("totalElements").asInt()).isEqualTo(2);
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badStatus.json().get("errors").get(0).get("rule").asString()).isEqualTo("oneOf");
	}

	@Test
	void rejectsBulkOver500OrdersAndWritesNothing() {
		List<Map<String, Object>> orders = new ArrayList<>();
		for (int i = 0; i <= 500; i++) {
			orders.add(order("B" + i, null, "bulk@example.com"));
		}

		ApiClient.Response response = this.api.post("/api/v1/orders", orders);

		assertThat(response.status()).isEqualTo(413);
		assertThat(this.api.get("/api/v1/orders").json().get("totalElements").asInt()).isZero();
	}

	@Test
	void anotherAccountsOrderIsNotFound() {
		String id = this.api.post("/api/v1/orders", List.of(order("4001", null, "ann@example.com")))
			.json()
			.get("created")
			.get(0)
			.asString();

		assertThat(client(PublicIds.next("acct")).get("/api/v1/orders/" + id).status()).isEqualTo(404);
	}

	private ApiClient client(String account) {
		return new ApiClient("http://localhost:" + this.port).with("Authorization",
				TestIdentities.bearer(account, "full:access"));
	}

	private static Map<String, Object> order(String number, String status, String email) {
		Map<String, Object> order = new java.util.HashMap<>();
		order.put("orderNumber", number);
		if (status != null) {
			order.put("status", status);
		}
		order.put("customer", Map.of("email", email, "name", "Customer"));
		order.put("lineItems",
				List.of(Map.of("sku", "WHP-001", "name", "Headphones", "quantity", 1, "price",
						new BigDecimal("149.99")),
						Map.of("sku", "CBL-002", "quantity", 2, "price", new BigDecimal("100.00"))));
		return order;
	}

}

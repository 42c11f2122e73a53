package io.claimport.order.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimport.common.id.PublicIds;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestIdentities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** The orders list: filters, sorts either way, cursors, and numbered pages. */
@ServiceIntegrationTest
class OrderListingIT {

	@Value("${local.server.port}")
	int port;

	ApiClient api;

	@BeforeEach
	void newAccountWithOrders() {
		this.api = new ApiClient("http://localhost:" + this.port).with("Authorization",
				TestIdentities.bearer(PublicIds.next("acct"), "full:access"));
		ApiClient.Response placed = this.api.post("/api/v1/orders",
				List.of(order("3001", "DELIVERED", "Ann@Example.com", "2026-10-01T10:00:00Z", "WHP-001", "149.99"),
						order("3002", "SHIPPED", "bob@example.com", "2026-11-01T10:00:00Z", "CBL-002", "9.99"),
						order("3003", "PENDING", "ann@example.com", "2026-11-15T10:00:00Z", "WHP-001", "299.98"),
						order("3004", "CANCELLED", "cy@example.com", "2026-12-01T10:00:00Z", "MUG-1", "12.00")));
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
	}

	@Test
	void filtersByStatusCustomerNumberPurchaseTimeAndSku() {
		assertThat(numbers("/api/v1/orders?first=10&status=SHIPPED&status=DELIVERED")).containsExactly("3002", "3001");
		assertThat(numbers("/api/v1/orders?first=10&customerEmail=ANN@example.com")).containsExactly("3003", "3001");
		assertThat(numbers("/api/v1/orders?first=10&orderNumber=3004")).containsExactly("3004");
		assertThat(
				numbers("/api/v1/orders?first=10&orderedAfter=2026-10-15T00:00:00Z&orderedBefore=2026-11-30T00:00:00Z"))
			.containsExactly("3003", "3002");
		assertThat(numbers("/api/v1/orders?first=10&sku=WHP-001")).containsExactly("3003", "3001");
	}

	@Test
	void cursorsWalkEachSortBothWays() {
		for (String sort : List.of("totalAmount", "-totalAmount", "orderedAt", "-orderedAt", "createdAt")) {
			List<String> all = numbers("/api/v1/orders?first=100&sort=" + sort);
			List<String> walked = new ArrayList<>();
			JsonNode page = this.api.get("/api/v1/orders?first=1&sort=" + sort).json();
			while (true) {
				walked.addAll(page.get("edges").findValuesAsString("orderNumber"));
				if (!page.get("pageInfo").get("hasNextPage").asBoolean()) {
					break;
				}
				page = this.api
					.get("/api/v1/orders?first=1&sort=" + sort + "&after="
							+ page.get("pageInfo").get("endCursor").asString())
					.json();
			}
			assertThat(walked).as(sort).hasSize(4).containsExactlyElementsOf(all);
		}
		assertThat(numbers("/api/v1/orders?first=100&sort=-totalAmount")).containsExactly("3003", "3001", "3004",
				"3002");
		assertThat(numbers("/api/v1/orders?first=100&sort=orderedAt")).containsExactly("3001", "3002", "3003", "3004");
	}

	@Test
	void refusesBadParametersNamingEach() {
		assertThat(refusedField("/api/v1/orders?status=LOST")).isEqualTo("status");
		assertThat(refusedField("/api/v1/orders?sort=price")).isEqualTo("sort");
		assertThat(refusedField("/api/v1/orders?orderedAfter=last-week")).isEqualTo("orderedAfter");
		assertThat(refusedField("/api/v1/orders?before=nope")).isEqualTo("before");
		assertThat(refusedField("/api/v1/orders?customer=ann@example.com")).isEqualTo("customer");
	}

	@Test
	void numberedPagesStillAnswerNewestFirstAndSayTheyAreDeprecated() {
		ApiClient.Response response = this.api.get("/api/v1/orders?size=3");

		assertThat(response.header("Deprecation")).isEqualTo("@1796601600");
		assertThat(response.json().get("totalElements").asInt()).isEqualTo(4);
		assertThat(response.json().get("data").findValuesAsString("orderNumber")).containsExactly("3004", "3003",
				"3002");
	}

	private List<String> numbers(String path) {
		ApiClient.Response response = this.api.get(path);
		assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
		return response.json().get("edges").findValuesAsString("orderNumber");
	}

	private String refusedField(String path) {
		ApiClient.Response response = this.api.get(path);
		assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
		return response.json().get("errors").get(0).get("field").asString();
	}

	private static Map<String, Object> order(String number, String status, String email, String orderedAt, String sku,
			String price) {
		Map<String, Object> order = new HashMap<>();
		order.put("orderNumber", number);
		order.put("status", status);
		order.put("orderedAt", orderedAt);
		order.put("customer", Map.of("email", email, "name", "Customer"));
		order.put("lineItems", List.of(Map.of("sku", sku, "quantity", 1, "price", new BigDecimal(price))));
		return order;
	}

}

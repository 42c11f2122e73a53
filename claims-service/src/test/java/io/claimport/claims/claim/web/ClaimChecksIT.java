package io.claimport.claims.claim.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimport.claims.DeskAccount;
import io.claimport.common.event.EventTypes;
import io.claimport.common.event.OrderCreated;
import io.claimport.common.id.PublicIds;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Claims checked against the orders and products the claims service knows from their
 * events: real PostgreSQL, real Kafka, the projections' own consumers.
 */
@ServiceIntegrationTest
class ClaimChecksIT {

	@RegisterExtension
	final DeskAccount desk = new DeskAccount();

	@Test
	void refusesAClaimOnAnOrderTheAccountDoesNotHave() {
		String elsewhere = this.desk.orders().place(PublicIds.next("acct"), "SKU-1");

		ApiClient.Response unknown = this.desk.api()
			.post("/api/v1/claims",
					List.of(claim("ord_never_placed", null, "SKU-1", 1), claim(elsewhere, null, "SKU-1", 1)));

		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().get("errors").findValuesAsString("rule")).containsExactly("unknown-order",
				"unknown-order");
		assertThat(unknown.json().get("errors").get(1).get("index").asInt()).isEqualTo(1);
	}

	@Test
	void refusesItemsNotInTheOrderAndMoreThanWasOrderedLessWhatOpenClaimsCover() {
		String order = this.desk.placeOrder("SKU-1", "SKU-2");

		ApiClient.Response mixed = this.desk.api()
			.post("/api/v1/claims", List.of(claim(order, null, "SKU-1", 6), claim(order, null, "SKU-9", 1),
					claim(order, null, "SKU-1", 5), claim(order, null, "SKU-1", 4)));

		assertThat(mixed.status()).as(mixed.body()).isEqualTo(201);
		assertThat(mixed.json().get("summary").toString()).isEqualTo("{\"total\":4,\"created\":2,\"failed\":2}");
		JsonNode errors = mixed.json().get("errors");
		assertThat(errors.get(0).toString()).contains("\"index\":1", "\"field\":\"claimItems[0].itemId\"",
				"not-in-order");
		assertThat(errors.get(1).toString()).contains("\"index\":2", "\"field\":\"claimItems[0].quantity\"",
				"exceeds-order", "at most 4 more");

		String first = mixed.json().get("created").get(0).asString();
		ApiClient.Response full = this.desk.api().post("/api/v1/claims", List.of(claim(order, null, "SKU-1", 1)));
		assertThat(full.status()).isEqualTo(422);
		this.desk.api().post("/api/v1/claims/" + first + "/transitions", Map.of("claimState", "DENIED"));
		assertThat(this.desk.api().post("/api/v1/claims", List.of(claim(order, null, "SKU-1", 6))).status())
			.as("a denied claim no longer covers its items")
			.isEqualTo(201);
	}

	@Test
	void aClaimNamesALineByItsIdTheStoresIdOrItsSkuAndAnswersWhichLineItIs() {
		String order = this.desk.placeOrder("SKU-1", "SKU-2");
		String line = this.desk.orders().lineId(order, "SKU-1");

		ApiClient.Response filed = this.desk.api()
			.post("/api/v1/claims", List.of(claim(order, null, line, 4), claim(order, null, "store-SKU-1", 4),
					claim(order, null, "SKU-1", 3)));

		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		assertThat(filed.json().get("summary").get("created").asInt()).as("ten ordered, eight claimed").isEqualTo(2);
		assertThat(filed.json().get("errors").get(0).get("rule").asString()).isEqualTo("exceeds-order");
		String byStoreId = filed.json().get("created").get(1).asString();
		JsonNode item = this.desk.api().get("/api/v1/claims/" + byStoreId).json().findValue("claimItems").get(0);
		assertThat(item.get("itemId").asString()).isEqualTo("store-SKU-1");
		assertThat(item.get("lineItemId").asString()).isEqualTo(line);
	}

	@Test
	void anOrderChangedInTheStoreIsClaimedAgainstItsNewLines() {
		String order = this.desk.placeOrder("SKU-1", "SKU-2");

		this.desk.orders().update(this.desk.id(), order, Instant.now().minus(1, ChronoUnit.DAYS), Map.of("SKU-1", 20));

		ApiClient.Response more = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.desk.api().post("/api/v1/claims", List.of(claim(order, null, "SKU-1", 15))),
					(response) -> response.status() == 201);
		ApiClient.Response removed = this.desk.api().post("/api/v1/claims", List.of(claim(order, null, "SKU-2", 1)));

		assertThat(more.status()).isEqualTo(201);
		assertThat(removed.status()).isEqualTo(422);
		assertThat(removed.json().get("errors").get(0).get("rule").asString()).isEqualTo("not-in-order");
	}

	@Test
	void checksAWarrantyClaimAgainstTheProductsWarrantyFromThePurchaseDate() {
		this.desk.orders().product(this.desk.id(), "WHP-001", 12);
		String recent = PublicIds.next("ord");
		this.desk.orders()
			.place(this.desk.id(), recent, Instant.now().minus(30, ChronoUnit.DAYS), Map.of("WHP-001", 1));
		String old = PublicIds.next("ord");
		Instant twoYearsAgo = Instant.parse("2024-03-10T12:00:00Z");
		this.desk.orders().place(this.desk.id(), old, twoYearsAgo, Map.of("WHP-001", 1, "MYSTERY", 1));

		ApiClient.Response covered = this.desk.api()
			.post("/api/v1/claims", List.of(claim(recent, "WARRANTY", "WHP-001", 1)));
		ApiClient.Response expired = this.desk.api()
			.post("/api/v1/claims",
					List.of(claim(old, "WARRANTY", "WHP-001", 1), claim(old, "WARRANTY", "MYSTERY", 1)));

		assertThat(covered.status()).as(covered.body()).isEqualTo(201);
		assertThat(expired.status()).isEqualTo(422);
		JsonNode errors = expired.json().get("errors");
		assertThat(errors.get(0).get("rule").asString()).isEqualTo("warranty-expired");
		assertThat(errors.get(0).get("message").asString()).contains("2025-03-10");
		assertThat(errors.get(1).get("rule").asString()).isEqualTo("unknown-product");
	}

	@Test
	void takesAnOfflineClaimsWarrantyFromItsProductWhenItGivesNoPeriod() {
		this.desk.orders().product(this.desk.id(), "WHP-001", 6);
		Map<String, Object> request = offline("WHP-001", Instant.now().minus(30, ChronoUnit.DAYS));
		Map<String, Object> tooOld = offline("WHP-001", Instant.now().minus(400, ChronoUnit.DAYS));
		Map<String, Object> unknown = offline("NOT-A-PRODUCT", Instant.now().minus(30, ChronoUnit.DAYS));

		assertThat(this.desk.api().post("/api/v1/claims/offline", request).status()).isEqualTo(201);
		assertThat(this.desk.api().post("/api/v1/claims/offline", tooOld).status()).isEqualTo(422);
		ApiClient.Response noPeriod = this.desk.api().post("/api/v1/claims/offline", unknown);
		assertThat(noPeriod.status()).isEqualTo(400);
		assertThat(noPeriod.json().get("errors").get(0).get("field").asString()).isEqualTo("warranty.warrantyPeriod");
	}

	@Test
	void acceptsAnyItemOfAnOrderAnnouncedWithoutItsLinesAndCountsARedeliveredOrderOnce() {
		String order = PublicIds.next("ord");
		try (TestEvents events = new TestEvents()) {
			// schema version 1: no purchase time, no lines
			events.send(EventTypes.ORDER_CREATED, this.desk.id(), order,
					new OrderCreated(order, "1001", "DELIVERED", 1, 1, java.math.BigDecimal.ONE, "USD"));
			String lined = PublicIds.next("ord");
			OrderCreated twice = new OrderCreated(lined, null, "DELIVERED", 1, 2, java.math.BigDecimal.ONE, "USD",
					Instant.now(), List.of(new OrderCreated.Line("SKU-1", 2)));
			events.send(EventTypes.ORDER_CREATED, events.send(EventTypes.ORDER_CREATED, this.desk.id(), lined, twice),
					twice);
			this.desk.orders().awaitKnown(this.desk.id(), order);
			this.desk.orders().awaitKnown(this.desk.id(), lined);

			assertThat(this.desk.api().post("/api/v1/claims", List.of(claim(order, null, "ANYTHING", 3))).status())
				.isEqualTo(201);
			assertThat(this.desk.api().post("/api/v1/claims", List.of(claim(lined, null, "SKU-1", 3))).status())
				.as("the order has 2, however often its event came")
				.isEqualTo(422);
		}
	}

	private static Map<String, Object> claim(String orderId, String claimType, String sku, int quantity) {
		Map<String, Object> claim = new HashMap<>(
				Map.of("orderId", orderId, "authorName", "Ann", "authorEmail", "ann@example.com", "claimDescription",
						"Stopped working", "claimItems", List.of(Map.of("itemId", sku, "quantity", quantity))));
		if (claimType != null) {
			claim.put("claimType", claimType);
		}
		return claim;
	}

	private static Map<String, Object> offline(String sku, Instant bought) {
		Map<String, Object> request = new HashMap<>();
		request.put("customer", Map.of("email", "john@example.com"));
		request.put("item", Map.of("name", "Headphones", "sku", sku));
		request.put("warranty", Map.of("dateOfPurchase", bought.toString(), "receiptRequired", false));
		request.put("shippingAddress", Map.of("firstName", "John", "lastName", "Smith", "address1", "123 Main St",
				"city", "New York", "zip", "10001", "country", "United States"));
		request.put("storeId", "store_1");
		request.put("signature", "");
		request.put("salesChannel", "IN_STORE");
		request.put("claimCategory", "WARRANTY");
		request.put("issueType", "DEFECTIVE_ITEM");
		request.put("resolution", "RESHIP");
		return request;
	}

}

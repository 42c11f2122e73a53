package io.claimport.catalog.product.web;

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
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class ProductsApiIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Value("${local.server.port}")
	int port;

	String account;

	ApiClient api;

	@BeforeEach
	void newAccount() {
		this.account = PublicIds.next("acct");
		this.api = client(this.account);
	}

	@Test
	void createsProductsInBulkAndAnswersInTheDocumentedShape() {
		ApiClient.Response response = this.api.post("/api/v1/products",
				List.of(product("Wireless Headphones Pro", "WHP-001", "Electronics", "149.99", 24),
						product("Smart Watch Series 5", "SWS-005", "Electronics", "299.99", 12)));

		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.get("message").asString()).isEqualTo("Created 2 product(s)");
		assertThat(body.get("created")).hasSize(2);
		assertThat(body.get("summary").toString()).isEqualTo("{\"total\":2,\"created\":2,\"failed\":0}");
		String id = body.get("created").get(0).asString();
		assertThat(id).startsWith("prod_");

		JsonNode product = this.api.get("/api/v1/products/" + id).json();
		assertThat(product.get("name").asString()).isEqualTo("Wireless Headphones Pro");
		assertThat(product.get("sku").asString()).isEqualTo("WHP-001");
		assertThat(product.get("price").decimalValue()).isEqualByComparingTo("149.99");
		assertThat(product.get("warrantyMonths").asInt()).isEqualTo(24);
	}

	@Test
	void publishesProductCreatedWithTheCloudEventsEnvelopeKeyedByProduct() {
		String id = this.api.post("/api/v1/products", List.of(product("Desk Lamp", "LAMP-1", "Home", "39.00", 6)))
			.json()
			.get("created")
			.get(0)
			.asString();

		try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.PRODUCTS)) {
			TopicReader.Received event = await().atMost(Duration.ofSeconds(30))
				.until(() -> reader.records().stream().filter((r) -> id.equals(r.key())).findFirst(),
						(found) -> found.isPresent())
				.get();
			assertThat(event.headers()).containsEntry("ce_type", "ProductCreated")
				.containsEntry("ce_source", "catalog-service")
				.containsEntry("ce_subject", id)
				.containsEntry("ce_accountid", this.account)
				.containsEntry("ce_aggregatetype", "Product")
				.containsEntry("ce_specversion", "1.0")
				.containsKeys("ce_id", "ce_time");
			assertThat(event.value()).contains("\"sku\":\"LAMP-1\"").contains("\"productId\":\"" + id + "\"");
		}
	}

	@Test
	void importsAWooCommerceExportWithItsOwnColumnsAndReportsEachRowByItsNumber() {
		String export = """
				\uFEFFID,Type,SKU,Name,Published,"Short description",Categories,"Regular price","Sale price"
				101,simple,CSV-LAMP,"Desk Lamp, brass",1,"A lamp","Home > Lighting, Gifts",39.90,
				102,simple,CSV-KETTLE,Kettle,1,,Kitchen,abc,
				103,simple,,Nameless,1,,Kitchen,5.00,
				""";

		ApiClient.Response imported = this.api.post("/api/v1/products?warrantyMonths=12", "text/csv", export);

		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		JsonNode body = imported.json();
		assertThat(body.get("summary").toString()).isEqualTo("{\"total\":3,\"created\":1,\"failed\":2}");
		assertThat(body.get("errors").get(0).get("row").asInt()).isEqualTo(3);
		assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("price");
		assertThat(body.get("errors").get(0).get("message").asString()).contains("row 3", "Regular price", "abc");
		assertThat(body.get("errors").get(1).get("row").asInt()).isEqualTo(4);
		assertThat(body.get("errors").get(1).get("field").asString()).isEqualTo("sku");
		JsonNode lamp = this.api.get("/api/v1/products?sku=CSV-LAMP").json().get("data").get(0);
		assertThat(lamp.get("name").asString()).isEqualTo("Desk Lamp, brass");
		assertThat(lamp.get("category").asString()).isEqualTo("Home > Lighting");
		assertThat(lamp.get("warrantyMonths").asInt()).isEqualTo(12);
	}

	@Test
	void upsertsAShopifyExportWhoseVariantsFollowTheirProductAndSkipsImageRows() {
		this.api.post("/api/v1/products", List.of(product("Old name", "TEE-S", "Apparel", "10.00", 6)));
		String export = """
				Handle,Title,Type,Variant SKU,Variant Price,warrantyMonths,Image Src
				tee,Cotton Tee,Apparel,TEE-S,19.00,6,https://cdn.example.com/tee.jpg
				tee,,,TEE-M,19.00,6,
				tee,,,,,,https://cdn.example.com/tee-back.jpg
				""";

		ApiClient.Response upserted = this.api.post("/api/v1/products?mode=upsert", "text/csv", export);

		assertThat(upserted.status()).as(upserted.body()).isEqualTo(201);
		JsonNode results = upserted.json().get("results");
		assertThat(results).hasSize(2);
		assertThat(results.get(0).get("outcome").asString()).isEqualTo("updated");
		assertThat(results.get(0).get("row").asInt()).isEqualTo(2);
		assertThat(results.get(1).get("outcome").asString()).isEqualTo("created");
		assertThat(results.get(1).get("row").asInt()).isEqualTo(3);
		assertThat(this.api.get("/api/v1/products?sku=TEE-M").json().get("data").get(0).get("name").asString())
			.isEqualTo("Cotton Tee");
	}

	@Test
	void aMalformedFileIsRefusedWholeNamingTheRowAndColumn() {
		ApiClient.Response unterminated = this.api.post("/api/v1/products?warrantyMonths=12", "text/csv",
				"sku,name,category,price\nA-1,\"Lamp,Home,10.00\n");
		ApiClient.Response tooManyCells = this.api.post("/api/v1/products?warrantyMonths=12", "text/csv",
				"sku,name,category,price\nA-1,Lamp,Home,10.00\nA-2,Lamp,Home,10.00,extra\n");
		ApiClient.Response noPrice = this.api.post("/api/v1/products?warrantyMonths=12", "text/csv",
				"sku,name,category\nA-1,Lamp,Home\n");
		ApiClient.Response noWarranty = this.api.post("/api/v1/products", "text/csv",
				"sku,name,category,price\nA-1,Lamp,Home,10.00\n");

		assertThat(unterminated.status()).isEqualTo(400);
		assertThat(unterminated.json().get("errors").get(0).get("message").asString()).contains("row 2");
		assertThat(tooManyCells.status()).isEqualTo(400);
		assertThat(tooManyCells.json().get("errors").get(0).get("field").asString()).isEqualTo("column 5");
		assertThat(tooManyCells.json().get("errors").get(0).get("message").asString()).contains("row 3");
		assertThat(noPrice.status()).isEqualTo(400);
		assertThat(noPrice.json().get("errors").get(0).get("field").asString()).isEqualTo("price");
		assertThat(noWarranty.json().get("errors").get(0).get("field").asString()).isEqualTo("warrantyMonths");
		assertThat(this.api.get("/api/v1/products?sku=A-1").json().get("data")).isEmpty();
	}

	@Test
	void reportsEachInvalidItemByFieldAndRuleAndCreatesTheRest() {
		ApiClient.Response response = this.api
			.post("/api/v1/products", List.of(product("Kettle", "KET-1", "Kitchen", "25.00", 12),
					Map.of("name", "", "sku", "bad sku", "category", "Kitchen", "price", -1, "warrantyMonths", 12)));

		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.get("summary").toString()).isEqualTo("{\"total\":2,\"created\":1,\"failed\":1}");
		assertThat(errorsOf(body)).containsExactly("1 name notBlank", "1 price decimalMin", "1 sku pattern");
		assertThat(this.api.get("/api/v1/products?sku=KET-1").json().get("totalElements").asInt()).isEqualTo(1);
	}

	@Test
	void refusesASkuTheAccountAlreadyHasButAllowsItInAnotherAccount() {
		this.api.post("/api/v1/products", List.of(product("Kettle", "KET-2", "Kitchen", "25.00", 12)));

		ApiClient.Response again = this.api.post("/api/v1/products",
				List.of(product("Kettle", "KET-2", "Kitchen", "25.00", 12)));
		ApiClient.Response elsewhere = client(PublicIds.next("acct")).post("/api/v1/products",
				List.of(product("Kettle", "KET-2", "Kitchen", "25.00", 12)));

		assertThat(again.status()).isEqualTo(422);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(errorsOf(again.json())).containsExactly("0 sku unique");
		assertThat(elsewhere.status()).isEqualTo(201);
	}

	@Test
	void anUpsertCreatesNewSkusUpdatesKnownOnesAndReportsEachRow() {
		this.api.post("/api/v1/products", List.of(product("Kettle", "KET-1", "Kitchen", "25.00", 12),
				product("Toaster", "TOA-1", "Kitchen", "30.00", 12)));

		ApiClient.Response response = this.api.post("/api/v1/products?mode=upsert",
				List.of(product("Kettle Pro", "KET-1", "Kitchen", "27.50", 24),
						product("Toaster", "TOA-1", "Kitchen", "30.00", 12),
						product("Mixer", "MIX-1", "Kitchen", "80.00", 12),
						Map.of("name", "No SKU", "category", "Kitchen", "price", 1, "warrantyMonths", 1)));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.get("summary").toString())
			.isEqualTo("{\"total\":4,\"created\":1,\"updated\":1,\"unchanged\":1,\"failed\":1}");
		assertThat(body.get("message").asString()).isEqualTo("Created 1, updated 1, unchanged 1 product(s), 1 failed");
		List<String> rows = new ArrayList<>();
		body.get("results").forEach((row) -> rows.add(row.get("index").asInt() + " " + row.get("outcome").asString()));
		assertThat(rows).containsExactly("0 updated", "1 unchanged", "2 created");
		assertThat(errorsOf(body)).containsExactly("3 sku notBlank");
		JsonNode kettle = this.api.get("/api/v1/products?sku=KET-1").json().get("data").get(0);
		assertThat(kettle.get("name").asString()).isEqualTo("Kettle Pro");
		assertThat(kettle.get("price").decimalValue()).isEqualByComparingTo("27.50");
		assertThat(kettle.get("id").asString()).isEqualTo(body.get("updated").get(0).asString());
		assertThat(this.api.get("/api/v1/products").json().get("totalElements").asInt()).isEqualTo(3);
	}

	@Test
	void aChangedProductPublishesProductUpdatedWithWhatChangedAtItsNewVersion() {
		String id = createOne("Desk Lamp", "LAMP-9", "Home", "39.00", 6);

		ApiClient.Response changed = this.api.with("If-Match", "\"0\"")
			.patch("/api/v1/products/" + id,
					Map.of("price", new java.math.BigDecimal("35.00"), "category", "Lighting"));

		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.header("ETag")).isEqualTo("\"1\"");
		assertThat(changed.json().get("price").decimalValue()).isEqualByComparingTo("35.00");
		assertThat(changed.json().get("name").asString()).isEqualTo("Desk Lamp");
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.PRODUCTS)) {
			TopicReader.Received event = await().atMost(Duration.ofSeconds(30))
				.until(() -> reader.records()
					.stream()
					.filter((r) -> id.equals(r.key()) && "ProductUpdated".equals(r.headers().get("ce_type")))
					.findFirst(), (found) -> found.isPresent())
				.get();
			assertThat(event.headers()).containsEntry("ce_aggregateversion", "1");
			JsonNode payload = JSON.readTree(event.value());
			assertThat(payload.get("changedFields").toString()).isEqualTo("[\"category\",\"price\"]");
			assertThat(payload.get("before").get("category").asString()).isEqualTo("Home");
			assertThat(payload.get("category").asString()).isEqualTo("Lighting");
		}
	}

	@Test
	void aChangeOnAStaleETagOrWithAFieldRemovedOrInvalidIsRefusedAndChangesNothing() {
		String id = createOne("Desk Lamp", "LAMP-2", "Home", "39.00", 6);
		String other = createOne("Floor Lamp", "LAMP-3", "Home", "79.00", 6);
		String path = "/api/v1/products/" + id;
		this.api.patch(path, Map.of("name", "Desk Lamp II"));

		ApiClient.Response stale = this.api.with("If-Match", "\"0\"").patch(path, Map.of("price", 1));
		ApiClient.Response removed = this.api.patch(path, "{\"category\":null}");
		ApiClient.Response invalid = this.api.patch(path, Map.of("warrantyMonths", 999, "sku", "bad sku"));
		ApiClient.Response taken = this.api.patch(path, Map.of("sku", "LAMP-3"));

		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.header("ETag")).isEqualTo("\"1\"");
		assertThat(removed.status()).isEqualTo(400);
		assertThat(removed.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
		assertThat(removed.json().get("errors").get(0).get("rule").asString()).isEqualTo("notNull");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactly("sku", "warrantyMonths");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("errors").get(0).get("field").asString()).isEqualTo("sku");
		JsonNode product = this.api.get(path).json();
		assertThat(product.get("name").asString()).isEqualTo("Desk Lamp II");
		assertThat(product.get("price").decimalValue()).isEqualByComparingTo("39.00");
		assertThat(product.get("sku").asString()).isEqualTo("LAMP-2");
		assertThat(this.api.get("/api/v1/products/" + other).json().get("sku").asString()).isEqualTo("LAMP-3");
	}

	@Test
	void aDeletedProductLeavesTheListFreesItsSkuAndStaysReadableById() {
		String id = createOne("Old Kettle", "KET-OLD", "Kitchen", "20.00", 12);
		String path = "/api/v1/products/" + id;

		ApiClient.Response deleted = this.api.delete(path);
		ApiClient.Response again = this.api.delete(path);
		ApiClient.Response change = this.api.patch(path, Map.of("price", 1));
		ApiClient.Response reused = this.api.post("/api/v1/products",
				List.of(product("New Kettle", "KET-OLD", "Kitchen", "22.00", 12)));

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(again.status()).isEqualTo(204);
		assertThat(change.status()).isEqualTo(409);
		assertThat(reused.status()).isEqualTo(201);
		assertThat(this.api.get(path).json().get("deletedAt").isNull()).isFalse();
		assertThat(this.api.get("/api/v1/products?sku=KET-OLD").json().get("data").findValuesAsString("name"))
			.containsExactly("New Kettle");
		assertThat(this.api.get("/api/v1/products?sku=KET-OLD&includeDeleted=true").json().get("totalElements").asInt())
			.isEqualTo(2);
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.PRODUCTS)) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> reader.records()
					.stream()
					.filter((r) -> id.equals(r.key()) && "ProductDeleted".equals(r.headers().get("ce_type")))
					.count(), (count) -> count == 1);
		}
	}

	@Test
	void anotherAccountsProductCannotBeChangedOrDeleted() {
		String id = createOne("Desk Lamp", "LAMP-4", "Home", "39.00", 6);
		ApiClient stranger = client(PublicIds.next("acct"));

		assertThat(stranger.patch("/api/v1/products/" + id, Map.of("price", 1)).status()).isEqualTo(404);
		assertThat(stranger.delete("/api/v1/products/" + id).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/products/" + id).json().get("deletedAt").isNull()).isTrue();
	}

	@Test
	void rejectsBulkOver1000ProductsAndWritesNothing() {
		List<Map<String, Object>> products = new ArrayList<>();
		for (int i = 0; i <= 1000; i++) {
			products.add(product("Item " + i, "SKU-" + i, "Bulk", "1.00", 1));
		}

		ApiClient.Response response = this.api.post("/api/v1/products", products);

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("https://claimport.io/problems/bulk-limit");
		assertThat(response.json().get("errors").get(0).get("rule").asString()).isEqualTo("maxItems");
		assertThat(this.api.get("/api/v1/products").json().get("totalElements").asInt()).isZero();
	}

	@Test
	void rejectsAnEmptyBulk() {
		ApiClient.Response response = this.api.post("/api/v1/products", List.of());

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("errors").get(0).get("rule").asString()).isEqualTo("minItems");
	}

	@Test
	void answersMalformedJsonAndBadPagingWithProblemDetails() {
		ApiClient.Response malformed = this.api.post("/api/v1/products", "[{\"name\": ");
		ApiClient.Response badSize = this.api.get("/api/v1/products?size=1000");
		ApiClient.Response badPage = this.api.get("/api/v1/products?page=first");

		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().path("type").asString()).as(malformed.body())
			.isEqualTo("https://claimport.io/problems/malformed-request");
		assertThat(badSize.status()).isEqualTo(400);
		assertThat(badSize.contentType()).startsWith("application/problem+json");
		assertThat(badSize.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
		assertThat(badSize.json().get("errors").get(0).get("rule").asString()).isEqualTo("max");
		assertThat(badPage.status()).isEqualTo(400);
		assertThat(badPage.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
	}

	@Test
	void refusesAFieldTheBodyDoesNotHaveNamingItAndTheOneProbablyMeantAndCreatesNothing() {
		ApiClient.Response response = this.api.post("/api/v1/products",
				"[{\"name\":\"Mug\",\"sku\":\"MUG-1\",\"category\":\"Kitchen\",\"price\":9.5,"
						+ "\"warantyMonths\":12}]");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("[0].warantyMonths");
		assertThat(error.get("rule").asString()).isEqualTo("unknownField");
		assertThat(error.get("message").asString()).contains("did you mean 'warrantyMonths'?");
		assertThat(this.api.get("/api/v1/products").json().get("totalElements").asInt()).isZero();
	}

	@Test
	void listsOnlyTheCallersProductsFilteredAndPaged() {
		this.api.post("/api/v1/products", List.of(product("A", "A-1", "Garden", "1.00", 1),
				product("B", "B-1", "Garden", "1.00", 1), product("C", "C-1", "Office", "1.00", 1)));
		client(PublicIds.next("acct")).post("/api/v1/products", List.of(product("X", "X-1", "Garden", "1.00", 1)));

		JsonNode garden = this.api.get("/api/v1/products?category=Garden&size=1").json();
		JsonNode second = this.api.get("/api/v1/products?category=Garden&size=1&page=1").json();

		assertThat(garden.get("totalElements").asInt()).isEqualTo(2);
		assertThat(garden.get("totalPages").asInt()).isEqualTo(2);
		assertThat(garden.get("data")).hasSize(1);
		assertThat(List.of(garden.get("data").get(0).get("sku").asString(),
				second.get("data").get(0).get("sku").asString()))
			.containsExactlyInAnyOrder("A-1", "B-1");
	}

	@Test
	void anotherAccountsProductIsNotFound() {
		String id = this.api.post("/api/v1/products", List.of(product("Mine", "MINE-1", "Misc", "1.00", 1)))
			.json()
			.get("created")
			.get(0)
			.asString();

		ApiClient.Response response = client(PublicIds.next("acct")).get("/api/v1/products/" + id);

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void refusesRequestsWithoutAValidGatewayIdentity() {
		ApiClient anonymous = new ApiClient("http://localhost:" + this.port);
		ApiClient forged = anonymous.with("Authorization", TestIdentities.forgedBearer(this.account, "full:access"));

		for (ApiClient.Response response : List.of(anonymous.get("/api/v1/products"), forged.get("/api/v1/products"),
				forged.post("/api/v1/products", List.of(product("F", "F-1", "Misc", "1.00", 1))))) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
		assertThat(this.api.get("/api/v1/products?sku=F-1").json().get("totalElements").asInt()).isZero();
	}

	@Test
	void refusesAnIdentityWithoutTheScopeTheCallNeedsEvenWhenTheGatewayLetItThrough() {
		ApiClient readOnly = new ApiClient("http://localhost:" + this.port).with("Authorization",
				TestIdentities.bearer(this.account, "products:read"));
		ApiClient ordersOnly = new ApiClient("http://localhost:" + this.port).with("Authorization",
				TestIdentities.bearer(this.account, "orders:read", "orders:write"));

		ApiClient.Response write = readOnly.post("/api/v1/products", List.of(product("S", "S-1", "Misc", "1.00", 1)));
		ApiClient.Response read = ordersOnly.get("/api/v1/products");

		assertThat(readOnly.get("/api/v1/products").status()).isEqualTo(200);
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.contentType()).startsWith("application/problem+json");
		assertThat(write.json().get("requiredScope").asString()).isEqualTo("products:write");
		assertThat(write.json().get("detail").asString()).contains("products:write");
		assertThat(read.status()).isEqualTo(403);
		assertThat(read.json().get("requiredScope").asString()).isEqualTo("products:read");
		assertThat(this.api.get("/api/v1/products?sku=S-1").json().get("totalElements").asInt()).isZero();
	}

	private String createOne(String name, String sku, String category, String price, int warrantyMonths) {
		return this.api.post("/api/v1/products", List.of(product(name, sku, category, price, warrantyMonths)))
			.json()
			.get("created")
			.get(0)
			.asString();
	}

	private ApiClient client(String account) {
		return new ApiClient("http://localhost:" + this.port).with("Authorization",
				TestIdentities.bearer(account, "full:access"));
	}

	private static Map<String, Object> product(String name, String sku, String category, String price,
			int warrantyMonths) {
		return Map.of("name", name, "sku", sku, "category", category, "price", new java.math.BigDecimal(price),
				"warrantyMonths", warrantyMonths);
	}

	private static List<String> errorsOf(JsonNode body) {
		List<String> errors = new ArrayList<>();
		body.get("errors")
			.forEach((error) -> errors.add(error.get("index").asInt() + " " + error.get("field").asString() + " "
					+ error.get("rule").asString()));
		return errors;
	}

}

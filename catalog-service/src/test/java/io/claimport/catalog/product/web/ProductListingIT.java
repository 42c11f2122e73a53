package io.claimport.catalog.product.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * The products list: filters, sorts either way, cursors both ways, and numbered pages.
 */
@ServiceIntegrationTest
class ProductListingIT {

	@Value("${local.server.port}")
	int port;

	ApiClient api;

	@BeforeEach
	void newAccountWithACatalog() {
		this.api = new ApiClient("http://localhost:" + this.port).with("Authorization",
				TestIdentities.bearer(PublicIds.next("acct"), "full:access"));
		ApiClient.Response created = this.api.post("/api/v1/products",
				List.of(product("Garden Hose 20m", "HOSE-20", "Garden", "29.90", 12),
						product("Garden Hose 50m", "HOSE-50", "Garden", "49.90", 24),
						product("Office Chair", "CHAIR-1", "Office", "149.00", 36),
						product("Desk 100% Oak", "DESK-1", "Office", "349.00", 60),
						product("Pruning Shears", "SHEAR-1", "Garden", "29.90", 6),
						product("Wall Clock", "CLOCK-1", "Home", "19.00", 0),
						product("Desk_Lamp", "LAMP-1", "Home", "39.00", 12)));
		assertThat(created.status()).isEqualTo(201);
	}

	@Test
	void filtersByNameCategoryPriceWarrantyAndTime() {
		Instant beforeChange = Instant.now();
		String chair = this.api.get("/api/v1/products?sku=CHAIR-1").json().get("data").get(0).get("id").asString();
		this.api.patch("/api/v1/products/" + chair, Map.of("price", new BigDecimal("139.00")));

		assertThat(skus("/api/v1/products?q=HOSE")).containsExactly("HOSE-20", "HOSE-50");
		// LIKE's wildcards are matched as themselves
		assertThat(skus("/api/v1/products?q=%25")).containsExactly("DESK-1");
		assertThat(skus("/api/v1/products?q=k_")).containsExactly("LAMP-1");
		assertThat(skus("/api/v1/products?category=Office&category=Home")).containsExactly("CHAIR-1", "DESK-1",
				"CLOCK-1", "LAMP-1");
		assertThat(skus("/api/v1/products?minPrice=29.90&maxPrice=49.90")).containsExactly("HOSE-20", "HOSE-50",
				"SHEAR-1", "LAMP-1");
		assertThat(skus("/api/v1/products?warrantyMonths=12")).containsExactly("HOSE-20", "LAMP-1");
		assertThat(skus("/api/v1/products?updatedAfter=" + beforeChange)).containsExactly("CHAIR-1");
		assertThat(skus("/api/v1/products?createdAfter=" + Instant.now())).isEmpty();
		assertThat(skus("/api/v1/products?createdBefore=" + Instant.now() + "&category=Home"))
			.containsExactly("CLOCK-1", "LAMP-1");
	}

	@Test
	void cursorsWalkEverySortBothWaysWithoutLosingOrRepeatingAProduct() {
		for (String sort : List.of("price", "-price", "name", "-name", "createdAt", "-createdAt")) {
			List<String> forwards = walk("/api/v1/products?first=3&sort=" + sort, "after", "endCursor", "hasNextPage");
			List<String> all = skus("/api/v1/products?first=100&sort=" + sort);
			List<String> backwards = walk("/api/v1/products?last=3&sort=" + sort, "before", "startCursor",
					"hasPreviousPage");

			assertThat(forwards).as(sort).hasSize(7).containsExactlyElementsOf(all);
			assertThat(backwards).as(sort).containsExactlyElementsOf(all);
		}
		assertThat(skus("/api/v1/products?first=100&sort=-price")).startsWith("DESK-1", "CHAIR-1").endsWith("CLOCK-1");
		// equal prices keep the order of creation: the id breaks the tie
		assertThat(skus("/api/v1/products?first=100&sort=price")).containsSubsequence("HOSE-20", "SHEAR-1");
	}

	@Test
	void aPageSaysWhetherProductsLieOnEitherSide() {
		JsonNode first = this.api.get("/api/v1/products?first=3&sort=name").json();
		String after = first.get("pageInfo").get("endCursor").asString();
		JsonNode second = this.api.get("/api/v1/products?first=3&sort=name&after=" + after).json();
		JsonNode back = this.api
			.get("/api/v1/products?last=3&sort=name&before=" + second.get("pageInfo").get("startCursor").asString())
			.json();

		assertThat(first.get("pageInfo").get("hasPreviousPage").asBoolean()).isFalse();
		assertThat(first.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
		assertThat(second.get("pageInfo").get("hasPreviousPage").asBoolean()).isTrue();
		assertThat(back.toString()).isEqualTo(first.toString());
	}

	@Test
	void refusesBadParametersNamingEach() {
		String otherSortCursor = this.api.get("/api/v1/products?first=1&sort=name")
			.json()
			.get("pageInfo")
			.get("endCursor")
			.asString();

		assertThat(refusedField("/api/v1/products?sort=colour")).isEqualTo("sort");
		assertThat(refusedField("/api/v1/products?first=0")).isEqualTo("first");
		assertThat(refusedField("/api/v1/products?first=101")).isEqualTo("first");
		assertThat(refusedField("/api/v1/products?after=not-a-cursor")).isEqualTo("after");
		assertThat(refusedField("/api/v1/products?sort=price&after=" + otherSortCursor)).isEqualTo("after");
		assertThat(refusedField("/api/v1/products?first=2&page=1")).isEqualTo("page");
		assertThat(refusedField("/api/v1/products?first=2&last=2")).isEqualTo("last");
		assertThat(refusedField("/api/v1/products?minPrice=10&maxPrice=5")).isEqualTo("minPrice");
		assertThat(refusedField("/api/v1/products?minPrice=cheap")).isEqualTo("minPrice");
		assertThat(refusedField("/api/v1/products?createdAfter=yesterday")).isEqualTo("createdAfter");
		ApiClient.Response typo = this.api.get("/api/v1/products?categroy=Garden");
		assertThat(typo.status()).isEqualTo(400);
		assertThat(typo.json().get("errors").get(0).get("message").asString()).contains("did you mean 'category'?");
	}

	@Test
	void numberedPagesStillAnswerAsBeforeAndSayTheyAreDeprecated() {
		ApiClient.Response response = this.api.get("/api/v1/products?category=Garden&size=2&page=1&sort=-price");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Deprecation")).isEqualTo("@1796601600");
		JsonNode body = response.json();
		assertThat(body.get("totalElements").asInt()).isEqualTo(3);
		assertThat(body.get("data").findValuesAsString("sku")).hasSize(1);
	}

	private List<String> walk(String start, String cursorParameter, String cursorField, String moreField) {
		List<String> seen = new ArrayList<>();
		JsonNode page = this.api.get(start).json();
		List<List<String>> pages = new ArrayList<>();
		while (true) {
			pages.add(page.get("edges").findValuesAsString("sku"));
			JsonNode info = page.get("pageInfo");
			if (!info.get(moreField).asBoolean()) {
				break;
			}
			page = this.api.get(start + "&" + cursorParameter + "=" + info.get(cursorField).asString()).json();
		}
		if (cursorParameter.equals("before")) {
			java.util.Collections.reverse(pages);
		}
		pages.forEach(seen::addAll);
		return seen;
	}

	private List<String> skus(String path) {
		JsonNode body = this.api.get(path).json();
		JsonNode rows = body.has("edges") ? body.get("edges") : body.get("data");
		return rows.findValuesAsString("sku");
	}

	private String refusedField(String path) {
		ApiClient.Response response = this.api.get(path);
		assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		return response.json().get("errors").get(0).get("field").asString();
	}

	private static Map<String, Object> product(String name, String sku, String category, String price,
			int warrantyMonths) {
		return Map.of("name", name, "sku", sku, "category", category, "price", new BigDecimal(price), "warrantyMonths",
				warrantyMonths);
	}

}

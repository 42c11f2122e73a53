package io.claimport.claims.claim.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimport.claims.DeskAccount;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Filtering and paging the claims listing both ways, on real PostgreSQL. */
@ServiceIntegrationTest
class ClaimListingIT {

	@RegisterExtension
	final DeskAccount desk = new DeskAccount();

	@Test
	void pagesForwardsAndBackwardsThroughClaimsFiledInTheSameMillisecondInOneStableOrder() {
		List<Map<String, Object>> bulk = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			bulk.add(claim("order_" + i, "ann@example.com", null));
		}
		assertThat(this.desk.api().post("/api/v1/claims", bulk).status()).isEqualTo(201);
		List<String> all = ids(this.desk.api().get("/api/v1/claims?first=100").json());
		assertThat(all).hasSize(23).doesNotHaveDuplicates();

		List<String> forwards = new ArrayList<>();
		JsonNode page = this.desk.api().get("/api/v1/claims?first=5").json();
		assertThat(page.get("pageInfo").get("hasPreviousPage").asBoolean()).isFalse();
		forwards.addAll(ids(page));
		while (page.get("pageInfo").get("hasNextPage").asBoolean()) {
			page = this.desk.api()
				.get("/api/v1/claims?first=5&after=" + page.get("pageInfo").get("endCursor").asString())
				.json();
			assertThat(page.get("pageInfo").get("hasPreviousPage").asBoolean()).isTrue();
			forwards.addAll(ids(page));
		}
		assertThat(forwards).isEqualTo(all);

		List<String> backwards = new ArrayList<>();
		page = this.desk.api().get("/api/v1/claims?last=5").json();
		assertThat(page.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
		assertThat(ids(page)).isEqualTo(all.subList(18, 23));
		backwards.addAll(0, ids(page));
		while (page.get("pageInfo").get("hasPreviousPage").asBoolean()) {
			page = this.desk.api()
				.get("/api/v1/claims?last=5&before=" + page.get("pageInfo").get("startCursor").asString())
				.json();
			assertThat(page.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
			backwards.addAll(0, ids(page));
		}
		assertThat(backwards).isEqualTo(all);
	}

	@Test
	void matchesAnyValueOfAFilterAndCombinesFiltersWithAndOrOr() {
		List<String> ids = file(claim("order_a", "Ann@Example.com", "DAMAGED"),
				claim("order_b", "bob@example.com", null), claim("order_c", "cy@example.com", "DAMAGED"));
		move(ids.get(0), "OPEN");
		move(ids.get(1), "APPROVED");

		assertThat(ids(this.desk.api().get("/api/v1/claims?claimState=OPEN&claimState=APPROVED").json()))
			.containsExactlyInAnyOrder(ids.get(0), ids.get(1));
		assertThat(ids(this.desk.api().get("/api/v1/claims?claimType=DAMAGED&claimState=NEW").json()))
			.containsExactly(ids.get(2));
		assertThat(ids(
				this.desk.api().get("/api/v1/claims?claimType=DAMAGED&claimState=APPROVED&filterOperator=OR").json()))
			.containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(2));
		assertThat(ids(this.desk.api().get("/api/v1/claims?authorEmail=ann@EXAMPLE.com").json()))
			.containsExactly(ids.get(0));
		assertThat(ids(this.desk.api().get("/api/v1/claims?orderId=order_b&orderId=order_c").json()))
			.containsExactlyInAnyOrder(ids.get(1), ids.get(2));
	}

	@Test
	void filtersByResolutionByOfflineFieldsAndByTimeWindows() {
		Instant before = Instant.now();
		List<String> ids = file(claim("order_a", "ann@example.com", null), claim("order_b", "bob@example.com", null));
		move(ids.get(0), "APPROVED");
		assertThat(this.desk.api()
			.post("/api/v1/claims/" + ids.get(0) + "/resolutions",
					Map.of("resolutionType", "RESHIP", "paidValue", new BigDecimal("20"), "paidCurrency", "USD"))
			.status()).isEqualTo(200);

		assertThat(ids(this.desk.api().get("/api/v1/claims?resolutionType=RESHIP").json())).containsExactly(ids.get(0));
		assertThat(ids(this.desk.api().get("/api/v1/claims?resolutionType=REFUND").json())).isEmpty();
		assertThat(ids(this.desk.api().get("/api/v1/claims?createdAfter=" + before).json())).hasSize(2);
		assertThat(ids(this.desk.api().get("/api/v1/claims?createdBefore=" + before).json())).isEmpty();
		Instant afterFiling = Instant.now();
		assertThat(ids(this.desk.api().get("/api/v1/claims?updatedBefore=" + afterFiling).json())).hasSize(2);
		assertThat(ids(this.desk.api().get("/api/v1/claims?salesChannel=IN_STORE").json())).isEmpty();
		assertThat(ids(this.desk.api().get("/api/v1/claims?claimCategory=WARRANTY&issueType=DEFECTIVE_ITEM").json()))
			.isEmpty();
	}

	@Test
	void refusesUnknownFiltersAndMalformedValuesNamingThem() {
		assertRefused("/api/v1/claims?state=NEW", "state", "unknownParameter");
		assertRefused("/api/v1/claims?claimState=FINISHED", "claimState", "oneOf");
		assertRefused("/api/v1/claims?createdAfter=yesterday", "createdAfter", "dateTime");
		assertRefused("/api/v1/claims?filterOperator=XOR", "filterOperator", "oneOf");
		assertRefused("/api/v1/claims?first=0", "first", "range");
		assertRefused("/api/v1/claims?last=1000", "last", "range");
		assertRefused("/api/v1/claims?first=2&last=2", "last", "exclusive");
		assertRefused("/api/v1/claims?before=clm_nonsense", "before", "cursor");
		assertRefused("/api/v1/claims?first=2&first=3", "first", "single");
	}

	private void assertRefused(String path, String field, String rule) {
		ApiClient.Response response = this.desk.api().get(path);
		assertThat(response.status()).as(path).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).as(path).isEqualTo(field);
		assertThat(response.json().get("errors").get(0).get("rule").asString()).as(path).isEqualTo(rule);
	}

	@SafeVarargs
	private List<String> file(Map<String, Object>... claims) {
		List<String> ids = new ArrayList<>();
		for (Map<String, Object> claim : claims) {
			ApiClient.Response response = this.desk.api().post("/api/v1/claims", List.of(claim));
			assertThat(response.status()).as(response.body()).isEqualTo(201);
			ids.add(response.json().get("created").get(0).asString());
		}
		return ids;
	}

	private void move(String id, String state) {
		if (state.equals("APPROVED")) {
			move(id, "OPEN");
		}
		ApiClient.Response moved = this.desk.api()
			.post("/api/v1/claims/" + id + "/transitions", Map.of("claimState", state));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
	}

	/** A claim on an order of the account with this id, placed first. */
	private Map<String, Object> claim(String orderId, String email, String claimType) {
		this.desk.orders().place(this.desk.id(), orderId, java.time.Instant.now(), Map.of("item_1", 10));
		Map<String, Object> claim = new HashMap<>(
				Map.of("orderId", orderId, "authorName", "Ann", "authorEmail", email, "claimDescription",
						"Broken on arrival", "claimItems", List.of(Map.of("itemId", "item_1", "quantity", 1))));
		if (claimType != null) {
			claim.put("claimType", claimType);
		}
		return claim;
	}

	private static List<String> ids(JsonNode connection) {
		List<String> ids = new ArrayList<>();
		connection.get("edges").forEach((edge) -> ids.add(edge.get("node").get("id").asString()));
		return ids;
	}

}

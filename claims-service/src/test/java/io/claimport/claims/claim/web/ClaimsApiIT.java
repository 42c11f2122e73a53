package io.claimport.claims.claim.web;

import java.time.Duration;
import java.util.ArrayList;
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

@ServiceIntegrationTest
class ClaimsApiIT {

	@RegisterExtension
	final DeskAccount desk = new DeskAccount();

	@Test
	void filesNewClaimsAndShowsThemInTheClaimShape() {
		ApiClient.Response response = this.desk.api().post("/api/v1/claims", List.of(claim("order_77", "DAMAGED")));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("message").asString()).isEqualTo("Created 1 claim(s)");
		String id = response.json().get("created").get(0).asString();

		JsonNode claim = this.desk.api().get("/api/v1/claims/" + id).json();
		assertThat(claim.get("id").asString()).isEqualTo(id).startsWith("clm_");
		assertThat(claim.get("storeId").asString()).isEqualTo(this.desk.id());
		assertThat(claim.get("orderId").asString()).isEqualTo("order_77");
		assertThat(claim.get("claimState").asString()).isEqualTo("NEW");
		assertThat(claim.get("claimType").asString()).isEqualTo("DAMAGED");
		assertThat(claim.get("externalSource").asString()).isEqualTo("api");
		assertThat(claim.get("isOta").asBoolean()).isFalse();
		assertThat(claim.get("deletedAt").isNull()).isTrue();
		assertThat(claim.get("claimResolutions")).isEmpty();
		assertThat(claim.get("claimMessages")).isEmpty();
		JsonNode item = claim.get("claimItems").get(0);
		assertThat(item.get("claimId").asString()).isEqualTo(id);
		assertThat(item.get("itemId").asString()).isEqualTo("item_77");
		assertThat(item.get("quantity").asInt()).isEqualTo(1);

		try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.CLAIMS)) {
			TopicReader.Received event = await().atMost(Duration.ofSeconds(30))
				.until(() -> reader.records().stream().filter((r) -> id.equals(r.key())).findFirst(),
						(found) -> found.isPresent())
				.get();
			assertThat(event.headers()).containsEntry("ce_type", "ClaimCreated");
			assertThat(event.value()).contains("\"claimState\":\"NEW\"").contains("\"orderId\":\"order_77\"");
			// a claim on an order of the store was sold online
			assertThat(event.value()).contains("\"salesChannel\":\"ONLINE\"");
		}
	}

	@Test
	void pagesThroughClaimsNewestFirstWithCursors() {
		List<String> filed = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			filed.add(this.desk.api()
				.post("/api/v1/claims", List.of(claim("order_" + i, null)))
				.json()
				.get("created")
				.get(0)
				.asString());
		}

		JsonNode first = this.desk.api().get("/api/v1/claims?first=2").json();
		String cursor = first.get("pageInfo").get("endCursor").asString();
		JsonNode second = this.desk.api().get("/api/v1/claims?first=2&after=" + cursor).json();
		JsonNode last = this.desk.api()
			.get("/api/v1/claims?first=2&after=" + second.get("pageInfo").get("endCursor").asString())
			.json();

		assertThat(ids(first)).containsExactly(filed.get(4), filed.get(3));
		assertThat(first.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
		assertThat(first.get("pageInfo").get("hasPreviousPage").asBoolean()).isFalse();
		assertThat(first.get("pageInfo").get("startCursor").asString()).isEqualTo(filed.get(4));
		assertThat(ids(second)).containsExactly(filed.get(2), filed.get(1));
		assertThat(ids(last)).containsExactly(filed.get(0));
		assertThat(last.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
		assertThat(last.get("pageInfo").get("hasPreviousPage").asBoolean()).isTrue();
	}

	@Test
	void filtersByStateAndOrderAndRejectsBadCursors() {
		this.desk.api().post("/api/v1/claims", List.of(claim("order_a", null), claim("order_b", null)));

		assertThat(ids(this.desk.api().get("/api/v1/claims?orderId=order_b").json())).hasSize(1);
		assertThat(ids(this.desk.api().get("/api/v1/claims?claimState=NEW").json())).hasSize(2);
		assertThat(ids(this.desk.api().get("/api/v1/claims?claimState=APPROVED").json())).isEmpty();
		ApiClient.Response badCursor = this.desk.api().get("/api/v1/claims?after=nonsense");
		assertThat(badCursor.status()).isEqualTo(400);
		assertThat(badCursor.json().get("errors").get(0).get("field").asString()).isEqualTo("after");
	}

	@Test
	void reportsInvalidClaimsPerItemAndRejectsMoreThan100() {
		Map<String, Object> noItems = Map.of("orderId", "order_x", "authorName", "Ann", "authorEmail",
				"ann@example.com", "claimDescription", "Broken", "claimItems", List.of());
		ApiClient.Response mixed = this.desk.api().post("/api/v1/claims", List.of(claim("order_ok", null), noItems));
		List<Map<String, Object>> tooMany = new ArrayList<>();
		for (int i = 0; i <= 100; i++) {
			tooMany.add(unchecked("order_" + i, null));
		}

		assertThat(mixed.status()).isEqualTo(201);
		assertThat(mixed.json().get("errors").get(0).get("index").asInt()).isEqualTo(1);
		assertThat(mixed.json().get("errors").get(0).get("field").asString()).isEqualTo("claimItems");
		assertThat(this.desk.api().post("/api/v1/claims", tooMany).status()).isEqualTo(413);
		assertThat(ids(this.desk.api().get("/api/v1/claims?first=100").json())).hasSize(1);
	}

	@Test
	void anotherAccountSeesNoneOfTheClaims() {
		String id = this.desk.api()
			.post("/api/v1/claims", List.of(claim("order_1", null)))
			.json()
			.get("created")
			.get(0)
			.asString();
		ApiClient other = this.desk.otherAccount();

		assertThat(other.get("/api/v1/claims/" + id).status()).isEqualTo(404);
		assertThat(ids(other.get("/api/v1/claims").json())).isEmpty();
	}

	/** A claim on an order of the account with this id, placed first. */
	private Map<String, Object> claim(String orderId, String claimType) {
		this.desk.orders().place(this.desk.id(), orderId, java.time.Instant.now(), Map.of("item_77", 10));
		return unchecked(orderId, claimType);
	}

	private static Map<String, Object> unchecked(String orderId, String claimType) {
		Map<String, Object> claim = new java.util.HashMap<>(Map.of("orderId", orderId, "authorName", "Desiree Ward",
				"authorEmail", "desiree@example.com", "claimDescription", "The parcel arrived crushed.", "claimItems",
				List.of(Map.of("itemId", "item_77", "quantity", 1))));
		if (claimType != null) {
			claim.put("claimType", claimType);
		}
		return claim;
	}

	private static List<String> ids(JsonNode connection) {
		List<String> ids = new ArrayList<>();
		connection.get("edges").forEach((edge) -> {
			assertThat(edge.get("cursor").asString()).isEqualTo(edge.get("node").get("id").asString());
			ids.add(edge.get("node").get("id").asString());
		});
		return ids;
	}

}

package io.claimport.claims.claim.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.claimport.claims.DeskAccount;
import io.claimport.common.event.Topics;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestInfrastructure;
import io.claimport.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A claim moved through its life cycle over the API, on real PostgreSQL and Kafka. */
@ServiceIntegrationTest
class ClaimLifecycleIT {

	@RegisterExtension
	final DeskAccount desk = new DeskAccount();

	@Test
	void movesAClaimThroughReviewToApprovalAndKeepsItsHistoryAndEventsInOrder() {
		String id = file(this.desk.api());
		ApiClient.Response read = this.desk.api().get("/api/v1/claims/" + id);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");

		ApiClient.Response opened = this.desk.api()
			.with("If-Match", "\"0\"")
			.post("/api/v1/claims/" + id + "/transitions", Map.of("claimState", "OPEN", "reason", "triaged"));
		ApiClient.Response approved = this.desk.api()
			.post("/api/v1/claims/" + id + "/transitions",
					Map.of("claimState", "APPROVED", "reason", "photo shows the damage"));

		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		assertThat(opened.json().get("claimState").asString()).isEqualTo("OPEN");
		assertThat(opened.header("ETag")).isEqualTo("\"1\"");
		assertThat(approved.json().get("claimState").asString()).isEqualTo("APPROVED");
		assertThat(approved.header("ETag")).isEqualTo("\"2\"");

		JsonNode changes = this.desk.api().get("/api/v1/claims/" + id + "/history").json().get("changes");
		assertThat(changes).hasSize(3);
		assertThat(changes.get(0).get("fromState").isNull()).isTrue();
		assertThat(changes.get(0).get("toState").asString()).isEqualTo("NEW");
		assertThat(changes.get(1).toString()).contains("\"fromState\":\"NEW\"", "\"toState\":\"OPEN\"",
				"\"reason\":\"triaged\"", "\"changedBy\":\"key_test\"");
		assertThat(changes.get(2).toString()).contains("\"fromState\":\"OPEN\"", "\"toState\":\"APPROVED\"",
				"\"reason\":\"photo shows the damage\"");

		try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.CLAIMS)) {
			List<TopicReader.Received> events = await().atMost(Duration.ofSeconds(30))
				.until(() -> reader.records().stream().filter((r) -> id.equals(r.key())).toList(),
						(found) -> found.size() == 3);
			assertThat(events).extracting((event) -> event.headers().get("ce_type"))
				.containsExactly("ClaimCreated", "ClaimStateChanged", "ClaimStateChanged");
			assertThat(events).extracting((event) -> event.headers().get("ce_aggregateversion"))
				.containsExactly("0", "1", "2");
			assertThat(events.get(2).value()).contains("\"fromState\":\"OPEN\"", "\"toState\":\"APPROVED\"",
					"\"changedBy\":\"key_test\"");
		}
	}

	@Test
	void refusesAMoveTheLifeCycleDoesNotAllowNamingTheStatesAndChangesNothing() {
		String id = file(this.desk.api());

		ApiClient.Response refused = this.desk.api()
			.post("/api/v1/claims/" + id + "/transitions", Map.of("claimState", "CLOSED"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		JsonNode problem = refused.json();
		assertThat(problem.get("type").asString()).isEqualTo("https://claimport.io/problems/claim-state-conflict");
		assertThat(problem.get("currentState").asString()).isEqualTo("NEW");
		assertThat(problem.get("requestedState").asString()).isEqualTo("CLOSED");
		assertThat(problem.get("allowedStates").toString()).contains("\"OPEN\"", "\"APPROVED\"")
			.doesNotContain("CLOSED");
		ApiClient.Response after = this.desk.api().get("/api/v1/claims/" + id);
		assertThat(after.json().get("claimState").asString()).isEqualTo("NEW");
		assertThat(after.header("ETag")).isEqualTo("\"0\"");
	}

	@Test
	void refusesAMoveOnAStaleETagWith412AndChangesNothing() {
		String id = file(this.desk.api());
		this.desk.api().post("/api/v1/claims/" + id + "/transitions", Map.of("claimState", "OPEN"));

		ApiClient.Response stale = this.desk.api()
			.with("If-Match", "\"0\"")
			.post("/api/v1/claims/" + id + "/transitions", Map.of("claimState", "DENIED"));

		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.contentType()).startsWith("application/problem+json");
		assertThat(stale.header("ETag")).isEqualTo("\"1\"");
		assertThat(this.desk.api().get("/api/v1/claims/" + id).json().get("claimState").asString()).isEqualTo("OPEN");
	}

	@Test
	void neverLetsTwoConcurrentMovesOfOneClaimBothWin() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 6; round++) {
				// with If-Match the later move finds the claim changed (412); without it,
				// it
				// finds a decided claim that cannot take the other decision (409)
				String ifMatch = (round % 2 == 0) ? "\"0\"" : null;
				String id = file(this.desk.api());
				List<Callable<Integer>> moves = List.of(() -> move(id, "APPROVED", ifMatch),
						() -> move(id, "DENIED", ifMatch));
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> status : pool.invokeAll(moves)) {
					statuses.add(status.get());
				}
				assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, (ifMatch != null) ? 412 : 409);
				assertThat(this.desk.api().get("/api/v1/claims/" + id + "/history").json().get("changes")).hasSize(2);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void answersAnotherAccountsClaim404ForTransitionsAndHistory() {
		String id = file(this.desk.api());
		ApiClient other = this.desk.otherAccount();

		assertThat(other.post("/api/v1/claims/" + id + "/transitions", Map.of("claimState", "OPEN")).status())
			.isEqualTo(404);
		assertThat(other.get("/api/v1/claims/" + id + "/history").status()).isEqualTo(404);
		assertThat(this.desk.api().get("/api/v1/claims/" + id).json().get("claimState").asString()).isEqualTo("NEW");
	}

	@Test
	void refusesAMisspelledFieldInsteadOfMovingTheClaimWithoutItsReason() {
		String id = file(this.desk.api());

		ApiClient.Response misspelled = this.desk.api()
			.post("/api/v1/claims/" + id + "/transitions", Map.of("claimState", "OPEN", "reasn", "triaged"));

		assertThat(misspelled.status()).isEqualTo(400);
		JsonNode error = misspelled.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("reasn");
		assertThat(error.get("rule").asString()).isEqualTo("unknownField");
		assertThat(error.get("message").asString()).contains("did you mean 'reason'?");
		assertThat(this.desk.api().get("/api/v1/claims/" + id).json().get("claimState").asString()).isEqualTo("NEW");
	}

	@Test
	void namesTheAllowedValuesOfAnUnknownStateAndOfABadIfMatch() {
		String id = file(this.desk.api());

		ApiClient.Response unknown = this.desk.api()
			.post("/api/v1/claims/" + id + "/transitions", Map.of("claimState", "FINISHED"));
		ApiClient.Response badTag = this.desk.api()
			.with("If-Match", "yesterday")
			.post("/api/v1/claims/" + id + "/transitions", Map.of("claimState", "OPEN"));

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("claimState");
		assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("WAITING_FOR_BRAND");
		assertThat(badTag.status()).isEqualTo(400);
		assertThat(badTag.json().get("errors").get(0).get("field").asString()).isEqualTo("If-Match");
	}

	@Test
	void publishesTheLifeCycleWithEveryStateAndWhereItMayGo() {
		JsonNode states = this.desk.api().get("/api/v1/claims/states").json().get("states");

		assertThat(states).hasSize(14);
		Map<String, JsonNode> byName = new HashMap<>();
		states.forEach((state) -> byName.put(state.get("claimState").asString(), state));
		assertThat(byName.get("APPROVED").get("transitions").toString()).doesNotContain("\"RESOLVED\"")
			.contains("RESOLVED_BY_BRAND");
		assertThat(byName.get("APPROVED").get("byResolution").toString()).isEqualTo("[\"RESOLVED\"]");
		assertThat(byName.get("ARCHIVED").get("transitions")).isEmpty();
	}

	private int move(String id, String state, String ifMatch) {
		ApiClient client = (ifMatch != null) ? this.desk.api().with("If-Match", ifMatch) : this.desk.api();
		return client.post("/api/v1/claims/" + id + "/transitions", Map.of("claimState", state)).status();
	}

	private String file(ApiClient api) {
		String orderId = this.desk.placeOrder("item_77");
		ApiClient.Response response = api.post("/api/v1/claims",
				List.of(Map.of("orderId", orderId, "authorName", "Desiree Ward", "authorEmail", "desiree@example.com",
						"claimDescription", "The parcel arrived crushed.", "claimItems",
						List.of(Map.of("itemId", "item_77", "quantity", 1)))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("created").get(0).asString();
	}

}

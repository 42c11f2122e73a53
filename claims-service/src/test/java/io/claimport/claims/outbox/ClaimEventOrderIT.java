package io.claimport.claims.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.claimport.claims.ClaimsApplication;
import io.claimport.claims.purchase.PlacedOrders;
import io.claimport.claims.purchase.Purchases;
import io.claimport.common.event.Topics;
import io.claimport.common.id.PublicIds;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.RunningService;
import io.claimport.testsupport.TestIdentities;
import io.claimport.testsupport.TestInfrastructure;
import io.claimport.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One claim's events reach a consumer in version order, even when its changes come in
 * quick succession through two replicas whose outbox relays share the work.
 */
class ClaimEventOrderIT {

	private static final Map<String, Object> FAST_OUTBOX = Map.of("namastack.outbox.polling.fixed.interval", "100ms",
			"namastack.outbox.instance.heartbeat-interval", "1s", "namastack.outbox.instance.rebalance-interval", "1s");

	private static final List<String> PATH = List.of("OPEN", "COMMUNICATING", "WAITING_FOR_CUSTOMER", "OPEN",
			"APPROVED", "WAITING_FOR_BRAND", "RESOLVED_BY_BRAND", "CLOSED", "ARCHIVED");

	@Test
	void deliversEachClaimsEventsInVersionOrderFromTwoReplicas() {
		try (RunningService first = RunningService.start(ClaimsApplication.class, "claims-service", FAST_OUTBOX);
				RunningService second = first.replica();
				PlacedOrders orders = new PlacedOrders(first.bean(Purchases.class))) {
			String account = PublicIds.next("acct");
			String bearer = TestIdentities.bearer(account, "full:access");
			List<ApiClient> replicas = List.of(new ApiClient(first.baseUrl()).with("Authorization", bearer),
					new ApiClient(second.baseUrl()).with("Authorization", bearer));
			List<String> claims = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				claims.add(file(replicas.get(i % 2), orders.place(account, "item_1")));
			}
			int turn = 0;
			for (String state : PATH) {
				for (String claim : claims) {
					ApiClient.Response moved = replicas.get(turn++ % 2)
						.post("/api/v1/claims/" + claim + "/transitions", Map.of("claimState", state));
					assertThat(moved.status()).as(moved.body()).isEqualTo(200);
				}
			}

			try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.CLAIMS)) {
				for (String claim : claims) {
					List<String> versions = await().atMost(Duration.ofSeconds(60))
						.until(() -> versions(reader.records(), claim), (seen) -> seen.size() >= PATH.size() + 1);
					List<String> expected = new ArrayList<>();
					for (int version = 0; version <= PATH.size(); version++) {
						expected.add(String.valueOf(version));
					}
					// delivery is at least once: a resent event repeats, but never comes
					// out of order
					assertThat(withoutRepeats(versions)).as(claim).isEqualTo(expected);
				}
			}
		}
	}

	private static List<String> versions(List<TopicReader.Received> records, String claim) {
		return records.stream()
			.filter((record) -> claim.equals(record.key()))
			.map((record) -> record.headers().get("ce_aggregateversion"))
			.toList();
	}

	private static List<String> withoutRepeats(List<String> versions) {
		List<String> distinct = new ArrayList<>();
		for (String version : versions) {
			if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(version)) {
				distinct.add(version);
			}
		}
		return distinct;
	}

	private static String file(ApiClient api, String orderId) {
		ApiClient.Response response = api.post("/api/v1/claims",
				List.of(Map.of("orderId", orderId, "authorName", "Ann", "authorEmail", "ann@example.com",
						"claimDescription", "Broken", "claimItems",
						List.of(Map.of("itemId", "item_1", "quantity", 1)))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("created").get(0).asString();
	}

}

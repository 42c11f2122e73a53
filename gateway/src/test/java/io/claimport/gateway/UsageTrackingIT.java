package io.claimport.gateway;

import java.time.Duration;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.claimport.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UsageTrackingIT extends GatewayTest {

	@Autowired
	JdbcClient database;

	@Test
	void theKeyApiShowsTodaysRequestsErrorsAndLastUseAsTheyHappenAndStoresThemWithinSeconds() {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));
		JsonNode key = owner.post("/api/v1/keys", Map.of("name", "Tracked", "scopes", List.of("products:read"))).json();
		String keyId = key.get("id").asString();
		ApiClient tracked = keyed(key.get("key").asString());
		Instant before = Instant.now();

		List<Integer> statuses = List
			.of(tracked.get("/api/v1/products").status(), tracked.get("/api/v1/products?page=1").status(),
					tracked.get("/api/v1/orders").status(), tracked.get("/api/v2/products").status(),
					tracked.get("/api/v1/products?fail=true").status(),
					viaProxy("/api/v1/products",
							Map.of("X-API-Key", key.get("key").asString(), "X-Forwarded-For", "198.51.100.23"))
						.status());
		assertThat(statuses).containsExactly(200, 200, 403, 404, 500, 200);

		JsonNode shown = owner.get("/api/v1/keys/" + keyId).json();
		assertThat(shown.get("usageToday").toString())
			.isEqualTo("{\"requests\":6,\"clientErrors\":2,\"serverErrors\":1}");
		assertThat(shown.get("lastUsedIp").asString()).isEqualTo("198.51.100.23");
		assertThat(Instant.parse(shown.get("lastUsedAt").asString())).isBetween(before, Instant.now());
		JsonNode listed = owner.get("/api/v1/keys").json().get("data");
		assertThat(listed.findValues("usageToday")).hasSize(2);

		Map<String, Object> stored = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.database.sql("SELECT * FROM key_usage WHERE key_id = ?")
				.param(keyId)
				.query()
				.listOfRows(), (rows) -> rows.size() == 1 && ((Number) rows.get(0).get("requests")).intValue() == 6)
			.get(0);
		assertThat(((Number) stored.get("client_errors")).intValue()).isEqualTo(2);
		assertThat(((Number) stored.get("server_errors")).intValue()).isEqualTo(1);
		assertThat(stored.get("last_used_ip")).isEqualTo("198.51.100.23");
		assertThat(owner.get("/api/v1/keys/" + keyId).json().get("usageToday").get("requests").asInt())
			.as("stored counts are not counted twice")
			.isEqualTo(6);
	}

	@Test
	void theUsageReportIsTheGatewaysCountPerKeyAndDayTodaysAsItHappens() {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));
		JsonNode key = owner.post("/api/v1/keys", Map.of("name", "Reported", "scopes", List.of("products:read")))
			.json();
		String keyId = key.get("id").asString();
		ApiClient reported = keyed(key.get("key").asString());
		this.database.sql("""
				INSERT INTO key_usage (key_id, day, requests, client_errors, server_errors, last_used_at, last_used_ip)
				VALUES (?, ?, 7, 1, 0, ?, '203.0.113.5')
				""")
			.params(keyId, Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(3)),
					Timestamp.from(Instant.now().minus(Duration.ofDays(3))))
			.update();
		assertThat(reported.get("/api/v1/products").status()).isEqualTo(200);
		assertThat(reported.get("/api/v1/orders").status()).isEqualTo(403);

		// at once, before the counts are stored: this replica adds its own
		JsonNode report = owner.get("/api/v1/audit/usage?keyId=" + keyId).json();
		JsonNode stranger = keyed(newAccountKey("BUSINESS")).get("/api/v1/audit/usage?keyId=" + keyId).json();
		ApiClient.Response backwards = owner.get("/api/v1/audit/usage?from=2026-11-30&to=2026-11-01");

		assertThat(report.get("data").findValues("requests")).extracting(JsonNode::asInt).containsExactly(7, 2);
		assertThat(report.get("data").get(1).get("day").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
		assertThat(report.get("data").get(1).get("clientErrors").asInt()).isEqualTo(1);
		assertThat(stranger.get("data")).isEmpty();
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
		// and once stored, counted once
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.database.sql("SELECT count(*) FROM key_usage WHERE key_id = ?")
				.param(keyId)
				.query(Integer.class)
				.single() == 2);
		assertThat(owner.get("/api/v1/audit/usage?keyId=" + keyId).json().get("data").findValues("requests"))
			.extracting(JsonNode::asInt)
			.containsExactly(7, 2);
		JsonNode page = owner.get("/api/v1/audit/usage?keyId=" + keyId + "&first=1").json();
		assertThat(page.get("edges")).singleElement()
			.satisfies((edge) -> assertThat(edge.get("node").get("requests").asInt()).isEqualTo(7));
		JsonNode next = owner
			.get("/api/v1/audit/usage?keyId=" + keyId + "&first=1&after="
					+ page.get("pageInfo").get("endCursor").asString())
			.json();
		assertThat(next.get("edges").get(0).get("node").get("requests").asInt()).isEqualTo(2);
		assertThat(next.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
	}

	@Test
	void aNewKeyHasNoUse() {
		JsonNode created = keyed(newAccountKey("BUSINESS")).post("/api/v1/keys", Map.of("name", "Fresh")).json();

		assertThat(created.get("usageToday").toString())
			.isEqualTo("{\"requests\":0,\"clientErrors\":0,\"serverErrors\":0}");
		assertThat(created.get("lastUsedAt").isNull()).isTrue();
	}

}

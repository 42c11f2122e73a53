package io.claimport.gateway.ratelimit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimport.gateway.GatewayApplication;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.PrometheusScrape;
import io.claimport.testsupport.RunningService;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Two gateway replicas on one database in shared mode, against one key. */
class SharedRateLimitIT {

	private static final String ADMIN_TOKEN = "shared-admin-token";

	@Test
	void twoReplicasShareOneKeysMinuteLimitAndDailyQuota() {
		try (RunningService first = sharedGateway(Map.of()); RunningService second = first.replica()) {
			String secret = openAccount(first);
			ApiClient one = new ApiClient(first.baseUrl()).with("X-API-Key", secret);
			ApiClient two = new ApiClient(second.baseUrl()).with("X-API-Key", secret);

			List<Integer> statuses = new ArrayList<>();
			List<String> remainingDay = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				for (ApiClient replica : List.of(one, two)) {
					ApiClient.Response response = replica.get("/api/v1/keys");
					statuses.add(response.status());
					remainingDay.add(response.header("X-RateLimit-Remaining-Day"));
				}
			}

			assertThat(statuses.stream().filter((status) -> status == 200)).hasSize(10);
			assertThat(statuses.subList(10, 16)).containsOnly(429);
			assertThat(remainingDay.subList(0, 10)).containsExactly("99", "98", "97", "96", "95", "94", "93", "92",
					"91", "90");
			// each replica asked the store on every connection before it took
			// traffic, and rolled those asks back: no decision was taken without
			// the store, nothing left
			for (RunningService replica : List.of(first, second)) {
				assertThat(PrometheusScrape.of(replica.managementUrl())
					.value("claimport_gateway_rate_limit_store_failures_total")).isZero();
			}
			JdbcClient database = first.bean(JdbcClient.class);
			assertThat(database.sql("SELECT count(*) FROM rate_limit_window WHERE key_id = 'warm-up'")
				.query(Integer.class)
				.single()).isZero();
			assertThat(database.sql("SELECT count(*) FROM daily_quota_usage WHERE key_id = 'warm-up'")
				.query(Integer.class)
				.single()).isZero();
		}
	}

	@Test
	void anUnreachableStoreIsDecidedAsConfiguredAndCounted() {
		try (RunningService closed = sharedGateway(Map.of("claimport.gateway.shared.on-store-failure", "CLOSED"))) {
			RunningService open = sharedGateway(Map.of("claimport.gateway.shared.on-store-failure", "OPEN",
					"spring.datasource.url", closed.bean(Environment.class).getProperty("spring.datasource.url")));
			try (open) {
				String secret = openAccount(closed);
				JdbcClient database = closed.bean(JdbcClient.class);
				database.sql("ALTER FUNCTION claimport_acquire RENAME TO claimport_acquire_away").update();
				try {
					ApiClient.Response refused = new ApiClient(closed.baseUrl()).with("X-API-Key", secret)
						.get("/api/v1/keys");
					ApiClient.Response admitted = new ApiClient(open.baseUrl()).with("X-API-Key", secret)
						.get("/api/v1/keys");

					assertThat(refused.status()).isEqualTo(503);
					assertThat(refused.contentType()).startsWith("application/problem+json");
					assertThat(refused.header("Retry-After")).isEqualTo("1");
					assertThat(failures(closed, "closed")).isEqualTo(1);
					assertThat(admitted.status()).isEqualTo(200);
					assertThat(admitted.header("X-RateLimit-Remaining")).as("this replica's own count").isEqualTo("9");
					assertThat(failures(open, "open")).isEqualTo(1);
				}
				finally {
					database.sql("ALTER FUNCTION claimport_acquire_away RENAME TO claimport_acquire").update();
				}
			}
		}
	}

	private static RunningService sharedGateway(Map<String, Object> overrides) {
		Map<String, Object> properties = new HashMap<>(Map.of("claimport.gateway.admin-token", ADMIN_TOKEN,
				"claimport.gateway.shared.enabled", "true", "claimport.gateway.plans.business.requests-per-minute",
				"10", "claimport.gateway.plans.business.requests-per-day", "100"));
		properties.putAll(overrides);
		return RunningService.start(GatewayApplication.class, "gateway", properties);
	}

	private static String openAccount(RunningService gateway) {
		ApiClient.Response account = new ApiClient(gateway.baseUrl()).with("Authorization", "Bearer " + ADMIN_TOKEN)
			.post("/admin/v1/accounts", Map.of("name", "Shared", "plan", "BUSINESS"));
		assertThat(account.status()).as(account.body()).isEqualTo(201);
		return account.json().get("apiKey").get("key").asString();
	}

	private static double failures(RunningService gateway, String decision) {
		return gateway.bean(MeterRegistry.class)
			.counter("claimport.gateway.rate_limit.store_failures", "decision", decision)
			.count();
	}

}

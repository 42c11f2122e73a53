package io.claimport.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;

import io.claimport.gateway.GatewayApplication;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.RunningService;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DailyQuotaRestartIT {

	private static final String ADMIN_TOKEN = "quota-admin-token";

	@Test
	void aRestartedGatewayKeepsCountingTheDaysRequests() {
		RunningService gateway = RunningService.start(GatewayApplication.class, "gateway",
				Map.of("claimport.gateway.admin-token", ADMIN_TOKEN,
						"claimport.gateway.plans.professional.requests-per-day", "10"));
		String keyId;
		String secret;
		try (gateway) {
			ApiClient.Response account = new ApiClient(gateway.baseUrl()).with("Authorization", "Bearer " + ADMIN_TOKEN)
				.post("/admin/v1/accounts", Map.of("name", "Quota", "plan", "PROFESSIONAL"));
			keyId = account.json().get("apiKey").get("id").asString();
			secret = account.json().get("apiKey").get("key").asString();
			ApiClient client = new ApiClient(gateway.baseUrl()).with("X-API-Key", secret);
			for (int i = 0; i < 3; i++) {
				assertThat(client.get("/api/v1/keys").status()).isEqualTo(200);
			}
			JdbcClient database = gateway.bean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> database.sql("SELECT coalesce(sum(used), 0) FROM daily_quota_usage WHERE key_id = ?")
					.param(keyId)
					.query(Long.class)
					.single(), (used) -> used == 3);
		}

		try (RunningService restarted = gateway.replica()) {
			ApiClient.Response fourth = new ApiClient(restarted.baseUrl()).with("X-API-Key", secret)
				.get("/api/v1/keys");

			assertThat(fourth.status()).isEqualTo(200);
			assertThat(fourth.header("X-RateLimit-Remaining-Day")).isEqualTo("6");
		}
	}

}

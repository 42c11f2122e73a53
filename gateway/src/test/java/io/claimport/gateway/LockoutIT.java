package io.claimport.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.claimport.gateway.key.ApiKeySecret;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.RunningService;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Brute-force protection with its defaults (5 failures in 15 minutes lock an address out
 * for 15 minutes), on gateways of its own. Requests come from the trusted proxy at
 * 127.0.0.2, each test's clients at addresses of their own in X-Forwarded-For.
 */
class LockoutIT {

	private static final String ADMIN_TOKEN = "lockout-admin-token";

	private static final String PROXY = "127.0.0.2";

	private RunningService gateway;

	@BeforeEach
	void startGateway() {
		this.gateway = RunningService.start(GatewayApplication.class, "gateway", Map.of("claimport.gateway.admin-token",
				ADMIN_TOKEN, "claimport.gateway.network.trusted-proxies", PROXY));
	}

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void fiveFailuresLockTheAddressOutEvenForAValidKeyAndWithoutLookingTheKeyUp() {
		JsonNode account = openAccount(this.gateway);
		ApiClient owner = new ApiClient(this.gateway.baseUrl()).with("X-API-Key", secret(account));
		String revoked = owner.post("/api/v1/keys", Map.of("name", "Revoked")).json().get("key").asString();
		owner.delete("/api/v1/keys/" + keyId(owner, revoked));
		JsonNode expiring = owner
			.post("/api/v1/keys", Map.of("name", "Expiring", "expiresAt", Instant.now().plusSeconds(2).toString()))
			.json();
		String valid = owner.post("/api/v1/keys", Map.of("name", "Valid")).json().get("key").asString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Instant.now().isAfter(Instant.parse(expiring.get("expiresAt").asString())));
		String attacker = "198.51.100.10";

		List<String> failures = List.of("cp_live_guess", unknownKey(), revoked, expiring.get("key").asString(),
				"cp_live_" + "x".repeat(55));
		for (String guess : failures) {
			assertThat(from(this.gateway, attacker, guess).status()).isEqualTo(401);
		}
		double lookupsBefore = lookups(this.gateway);
		ApiClient.Response lockedOut = from(this.gateway, attacker, valid);

		assertThat(lockedOut.status()).isEqualTo(429);
		assertThat(lockedOut.contentType()).startsWith("application/problem+json");
		assertThat(lockedOut.json().get("type").asString()).isEqualTo("https://claimport.io/problems/locked-out");
		assertThat(Long.parseLong(lockedOut.header("Retry-After"))).isBetween(890L, 900L);
		assertThat(lookups(this.gateway)).as("no key lookup during a lockout").isEqualTo(lookupsBefore);
		assertThat(from(this.gateway, "198.51.100.11", valid).status()).as("another address").isEqualTo(200);
	}

	@Test
	void aSuccessFromAnotherAddressDoesNotResetTheCount() {
		String valid = secret(openAccount(this.gateway));
		String attacker = "203.0.113.50";

		for (int i = 0; i < 4; i++) {
			assertThat(from(this.gateway, attacker, "cp_live_nope").status()).isEqualTo(401);
		}
		assertThat(from(this.gateway, "203.0.113.51", valid).status()).isEqualTo(200);
		assertThat(from(this.gateway, attacker, "cp_live_nope").status()).isEqualTo(401);

		assertThat(from(this.gateway, attacker, valid).status()).isEqualTo(429);
		assertThat(from(this.gateway, "203.0.113.51", valid).status()).isEqualTo(200);
	}

	@Test
	void failedAdminTokensCountToo() {
		String attacker = "2001:db8:77::1";
		for (int i = 0; i < 5; i++) {
			assertThat(admin(this.gateway, attacker, "wrong-" + i).status()).isEqualTo(401);
		}

		assertThat(admin(this.gateway, "2001:db8:77::99", ADMIN_TOKEN).status())
			.as("the same IPv6 /64 is the same client")
			.isEqualTo(429);
		assertThat(admin(this.gateway, "2001:db8:78::1", ADMIN_TOKEN).status()).as("authenticated: no such account")
			.isEqualTo(404);
	}

	@Test
	void aLockoutHoldsOnEveryReplicaInSharedMode() {
		this.gateway.close();
		this.gateway = RunningService.start(GatewayApplication.class, "gateway",
				Map.of("claimport.gateway.admin-token", ADMIN_TOKEN, "claimport.gateway.network.trusted-proxies", PROXY,
						"claimport.gateway.shared.enabled", "true"));
		try (RunningService other = this.gateway.replica()) {
			String valid = secret(openAccount(this.gateway));
			String attacker = "192.0.2.44";
			for (int i = 0; i < 3; i++) {
				assertThat(from(this.gateway, attacker, "cp_live_one").status()).isEqualTo(401);
			}
			for (int i = 0; i < 2; i++) {
				assertThat(from(other, attacker, "cp_live_two").status()).isEqualTo(401);
			}

			assertThat(from(other, attacker, valid).status()).isEqualTo(429);
			await().atMost(Duration.ofSeconds(1))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> from(this.gateway, attacker, valid).status() == 429);
			assertThat(from(this.gateway, "192.0.2.45", valid).status()).isEqualTo(200);
		}
	}

	private static JsonNode openAccount(RunningService gateway) {
		ApiClient.Response response = new ApiClient(gateway.baseUrl()).with("Authorization", "Bearer " + ADMIN_TOKEN)
			.post("/admin/v1/accounts", Map.of("name", "Lockout", "plan", "BUSINESS"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private static String secret(JsonNode account) {
		return account.get("apiKey").get("key").asString();
	}

	private static String keyId(ApiClient owner, String secret) {
		for (JsonNode key : owner.get("/api/v1/keys").json().get("data")) {
			if (secret.endsWith(key.get("lastFour").asString())) {
				return key.get("id").asString();
			}
		}
		throw new IllegalStateException("no such key");
	}

	/** A well-formed key with a valid checksum that no account holds. */
	private static String unknownKey() {
		return ApiKeySecret.generate();
	}

	private static double lookups(RunningService gateway) {
		return gateway.bean(MeterRegistry.class).counter("claimport.gateway.key.database.lookups").count();
	}

	private static ApiClient.Response from(RunningService gateway, String client, String key) {
		return request(gateway, "/api/v1/keys", Map.of("X-Forwarded-For", client, "X-API-Key", key));
	}

	private static ApiClient.Response admin(RunningService gateway, String client, String token) {
		return request(gateway, "/admin/v1/accounts/acct_none/keys",
				Map.of("X-Forwarded-For", client, "Authorization", "Bearer " + token));
	}

	private static ApiClient.Response request(RunningService gateway, String path, Map<String, String> headers) {
		return ProxiedRequests.get(PROXY, port(gateway), path, headers);
	}

	private static int port(RunningService gateway) {
		return Integer.parseInt(gateway.baseUrl().substring(gateway.baseUrl().lastIndexOf(':') + 1));
	}

}

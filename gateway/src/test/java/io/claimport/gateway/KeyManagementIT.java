package io.claimport.gateway;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.RunningService;
import io.claimport.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KeyManagementIT extends GatewayTest {

	@Autowired
	Environment environment;

	@Test
	void createsAKeyInTheDocumentedShapeAndShowsItsSecretOnlyOnce() {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));

		ApiClient.Response created = owner.post("/api/v1/keys",
				Map.of("name", "Shopify sync", "scopes", List.of("products:read", "orders:write"), "ipAllowlist",
						List.of("203.0.113.0/24", "2001:db8::/32"), "expiresAt", "2030-01-01T00:00:00Z"));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode key = created.json();
		String secret = key.get("key").asString();
		assertThat(secret).matches("cp_live_[A-Za-z0-9]{55}");
		assertThat(key.get("id").asString()).startsWith("key_");
		assertThat(key.get("name").asString()).isEqualTo("Shopify sync");
		assertThat(key.get("scopes").toString()).isEqualTo("[\"orders:write\",\"products:read\"]");
		assertThat(key.get("ipAllowlist").toString()).isEqualTo("[\"203.0.113.0/24\",\"2001:db8::/32\"]");
		assertThat(key.get("expiresAt").asString()).isEqualTo("2030-01-01T00:00:00Z");
		assertThat(key.get("prefix").asString()).isEqualTo(secret.substring(0, 12));
		assertThat(key.get("lastFour").asString()).isEqualTo(secret.substring(secret.length() - 4));
		assertThat(key.get("status").asString()).isEqualTo("active");

		JsonNode listed = owner.get("/api/v1/keys").json().get("data");
		JsonNode fetched = owner.get("/api/v1/keys/" + key.get("id").asString()).json();
		assertThat(listed).hasSize(2);
		assertThat(listed.toString()).doesNotContain(secret).doesNotContain("\"key\"");
		assertThat(fetched.has("key")).isFalse();
		assertThat(fetched.get("prefix").asString()).isEqualTo(key.get("prefix").asString());
	}

	@Test
	void scopesDefaultToFullAccessAndBadFieldsAreNamedWithNothingCreated() {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));

		JsonNode plain = owner.post("/api/v1/keys", Map.of("name", "Plain")).json();
		ApiClient.Response invalid = owner.post("/api/v1/keys",
				Map.of("name", " ", "scopes", List.of("products:read", "root"), "ipAllowlist",
						List.of("10.0.0.0/33", "example.com"), "expiresAt", "2001-01-01T00:00:00Z"));

		assertThat(plain.get("scopes").toString()).isEqualTo("[\"full:access\"]");
		assertThat(plain.get("ipAllowlist")).isEmpty();
		assertThat(plain.get("expiresAt").isNull()).isTrue();
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.contentType()).startsWith("application/problem+json");
		assertThat(invalid.json().get("errors").toString()).contains("\"field\":\"name\",\"rule\":\"notBlank\"")
			.contains("\"field\":\"scopes[1]\",\"rule\":\"oneOf\"")
			.contains("\"field\":\"ipAllowlist[0]\",\"rule\":\"cidr\"")
			.contains("\"field\":\"ipAllowlist[1]\",\"rule\":\"cidr\"")
			.contains("\"field\":\"expiresAt\",\"rule\":\"future\"");
		assertThat(owner.get("/api/v1/keys").json().get("data")).hasSize(2);
	}

	@Test
	void refusesAKeyBeyondThePlansLimitUntilOneIsRevoked() {
		ApiClient owner = keyed(newAccountKey("PROFESSIONAL"));

		ApiClient.Response second = owner.post("/api/v1/keys", Map.of("name", "Second"));
		ApiClient.Response third = owner.post("/api/v1/keys", Map.of("name", "Third"));

		assertThat(second.status()).isEqualTo(201);
		assertThat(third.status()).isEqualTo(409);
		assertThat(third.contentType()).startsWith("application/problem+json");
		assertThat(third.json().get("type").asString()).isEqualTo("https://claimport.io/problems/key-limit");
		assertThat(third.json().get("limit").asInt()).isEqualTo(2);
		assertThat(third.json().get("plan").asString()).isEqualTo("PROFESSIONAL");
		assertThat(third.json().get("detail").asString()).contains("allows 2 active key(s)");

		assertThat(owner.delete("/api/v1/keys/" + second.json().get("id").asString()).status()).isEqualTo(204);
		assertThat(owner.post("/api/v1/keys", Map.of("name", "Third")).status()).isEqualTo(201);
	}

	@Test
	void aMisspelledFieldIsRefusedRatherThanGivingTheKeyFullAccess() {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));

		ApiClient.Response misspelled = owner.post("/api/v1/keys",
				Map.of("name", "Storefront", "scope", List.of("products:read")));

		assertThat(misspelled.status()).isEqualTo(400);
		assertThat(misspelled.contentType()).startsWith("application/problem+json");
		JsonNode error = misspelled.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("scope");
		assertThat(error.get("rule").asString()).isEqualTo("unknownField");
		assertThat(error.get("message").asString()).contains("did you mean 'scopes'?");
		assertThat(owner.get("/api/v1/keys").json().get("data")).hasSize(1);
	}

	@Test
	void changesNameScopesAndAllowlistAtOnceButNeverTheExpiry() {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));
		JsonNode key = owner.post("/api/v1/keys", Map.of("name", "Reader", "scopes", List.of("products:read"))).json();
		String path = "/api/v1/keys/" + key.get("id").asString();
		ApiClient reader = keyed(key.get("key").asString());
		assertThat(reader.get("/api/v1/orders").status()).isEqualTo(403);

		ApiClient.Response changed = owner.patch(path,
				Map.of("name", "Orders reader", "scopes", List.of("orders:read"), "ipAllowlist", List.of("127.0.0.1")));
		ApiClient.Response expiry = owner.patch(path, Map.of("expiresAt", "2031-01-01T00:00:00Z"));

		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("name").asString()).isEqualTo("Orders reader");
		assertThat(changed.json().get("scopes").toString()).isEqualTo("[\"orders:read\"]");
		assertThat(changed.json().get("ipAllowlist").toString()).isEqualTo("[\"127.0.0.1\"]");
		assertThat(reader.get("/api/v1/orders").status()).isEqualTo(200);
		assertThat(reader.get("/api/v1/products").status()).isEqualTo(403);
		assertThat(expiry.status()).isEqualTo(400);
		assertThat(expiry.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
		assertThat(expiry.json().get("errors").get(0).get("rule").asString()).isEqualTo("immutable");
	}

	@Test
	void walksTheKeysWithCursorsOldestFirstAndNamesABadCursor() {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));
		for (String name : List.of("Second", "Third", "Fourth")) {
			assertThat(owner.post("/api/v1/keys", Map.of("name", name)).status()).isEqualTo(201);
		}

		JsonNode first = owner.get("/api/v1/keys?first=3").json();
		JsonNode rest = owner.get("/api/v1/keys?first=3&after=" + first.get("pageInfo").get("endCursor").asString())
			.json();
		JsonNode back = owner.get("/api/v1/keys?last=2&before=" + rest.get("pageInfo").get("startCursor").asString())
			.json();
		ApiClient.Response bad = owner.get("/api/v1/keys?first=0");
		ApiClient.Response typo = owner.get("/api/v1/keys?frist=2");

		assertThat(first.get("edges").findValuesAsString("name")).containsExactly("Default key", "Second", "Third");
		assertThat(first.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
		assertThat(rest.get("edges").findValuesAsString("name")).containsExactly("Fourth");
		assertThat(rest.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
		assertThat(rest.get("pageInfo").get("hasPreviousPage").asBoolean()).isTrue();
		assertThat(back.get("edges").findValuesAsString("name")).containsExactly("Second", "Third");
		assertThat(back.get("edges").get(0).get("node").has("usageToday")).isTrue();
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("first");
		assertThat(typo.status()).isEqualTo(400);
		assertThat(typo.json().get("errors").get(0).get("rule").asString()).isEqualTo("unknownParameter");
		assertThat(typo.json().get("errors").get(0).get("message").asString()).contains("did you mean 'first'");
	}

	@Test
	void anotherAccountsKeyIsNotFound() {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));
		ApiClient stranger = keyed(newAccountKey("BUSINESS"));
		String path = "/api/v1/keys/" + owner.get("/api/v1/keys").json().get("data").get(0).get("id").asString();

		for (ApiClient.Response response : List.of(stranger.get(path), stranger.patch(path, Map.of("name", "Mine")),
				stranger.post(path + "/rotate", ""), stranger.delete(path))) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
		assertThat(owner.get("/api/v1/products").status()).isEqualTo(200);
		assertThat(owner.get(path).json().get("name").asString()).isEqualTo("Default key");
	}

	@Test
	void operatorsManageAnyAccountsKeysThroughTheAdminApi() {
		String account = openAccount("ENTERPRISE").get("id").asString();

		ApiClient.Response created = admin().post("/admin/v1/accounts/" + account + "/keys",
				Map.of("name", "Issued by support", "scopes", List.of("claims:read")));
		ApiClient.Response listed = admin().get("/admin/v1/accounts/" + account + "/keys");
		ApiClient.Response unknown = admin().get("/admin/v1/accounts/acct_nobody/keys");
		ApiClient.Response noToken = this.anonymous.get("/admin/v1/accounts/" + account + "/keys");

		assertThat(created.status()).isEqualTo(201);
		assertThat(keyed(created.json().get("key").asString()).get("/api/v1/claims").status()).isEqualTo(200);
		assertThat(listed.json().get("data")).hasSize(2);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(noToken.status()).isEqualTo(401);
	}

	@Test
	void keyManagementNeedsFullAccess() {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));
		String reader = owner
			.post("/api/v1/keys",
					Map.of("name", "Everything but keys", "scopes", List.of("products:read", "products:write",
							"orders:read", "orders:write", "claims:read", "claims:write", "analytics:read")))
			.json()
			.get("key")
			.asString();

		ApiClient.Response list = keyed(reader).get("/api/v1/keys");
		ApiClient.Response create = keyed(reader).post("/api/v1/keys", Map.of("name", "Escalation"));

		assertThat(list.status()).isEqualTo(403);
		assertThat(list.json().get("requiredScope").asString()).isEqualTo("full:access");
		assertThat(create.status()).isEqualTo(403);
		assertThat(owner.get("/api/v1/keys").json().get("data")).hasSize(2);
	}

	@Test
	void anExpiredKeyIsRefused() {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));
		Instant expiresAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
		ApiClient shortLived = keyed(
				owner.post("/api/v1/keys", Map.of("name", "Short", "expiresAt", expiresAt.toString()))
					.json()
					.get("key")
					.asString());

		assertThat(shortLived.get("/api/v1/products").status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(expiresAt));
		ApiClient.Response refused = shortLived.get("/api/v1/products");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.json().get("detail").asString()).contains("expired");
	}

	@Test
	void rotationIssuesANewSecretWhileTheOldOneWorksForTheGracePeriodOnly() {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));
		JsonNode original = owner
			.post("/api/v1/keys", Map.of("name", "Rotating", "scopes", List.of("orders:read"), "ipAllowlist",
					List.of("127.0.0.0/8", "::1"), "expiresAt", "2030-06-01T00:00:00Z"))
			.json();
		ApiClient old = keyed(original.get("key").asString());
		assertThat(old.get("/api/v1/orders").status()).isEqualTo(200);

		Instant rotatedAt = Instant.now();
		ApiClient.Response rotated = owner.post("/api/v1/keys/" + original.get("id").asString() + "/rotate", "");

		assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
		JsonNode successor = rotated.json();
		assertThat(successor.get("key").asString()).isNotEqualTo(original.get("key").asString());
		assertThat(successor.get("id").asString()).isNotEqualTo(original.get("id").asString());
		assertThat(successor.get("scopes")).isEqualTo(original.get("scopes"));
		assertThat(successor.get("ipAllowlist")).isEqualTo(original.get("ipAllowlist"));
		assertThat(successor.get("expiresAt")).isEqualTo(original.get("expiresAt"));
		JsonNode oldNow = owner.get("/api/v1/keys/" + original.get("id").asString()).json();
		assertThat(oldNow.get("status").asString()).isEqualTo("rotated");
		assertThat(oldNow.get("replacedBy").asString()).isEqualTo(successor.get("id").asString());
		assertThat(Instant.parse(oldNow.get("expiresAt").asString())).isBetween(rotatedAt.plus(grace()).minusSeconds(1),
				rotatedAt.plus(grace()).plusSeconds(5));

		assertThat(old.get("/api/v1/orders").status()).isEqualTo(200);
		assertThat(keyed(successor.get("key").asString()).get("/api/v1/orders").status()).isEqualTo(200);
		await().atMost(grace().plusSeconds(10)).until(() -> old.get("/api/v1/orders").status() == 401);
		assertThat(keyed(successor.get("key").asString()).get("/api/v1/orders").status()).isEqualTo(200);
	}

	@Test
	void theGracePeriodNeverOutlivesTheOldKeysOwnExpiry() {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));
		String expiresAt = Instant.now().plus(grace()).minusSeconds(1).truncatedTo(ChronoUnit.MILLIS).toString();
		JsonNode original = owner.post("/api/v1/keys", Map.of("name", "Ending", "expiresAt", expiresAt)).json();

		JsonNode successor = owner.post("/api/v1/keys/" + original.get("id").asString() + "/rotate", "").json();
		JsonNode oldNow = owner.get("/api/v1/keys/" + original.get("id").asString()).json();

		assertThat(Instant.parse(oldNow.get("expiresAt").asString())).isEqualTo(Instant.parse(expiresAt));
		assertThat(Instant.parse(successor.get("expiresAt").asString())).isEqualTo(Instant.parse(expiresAt));
	}

	@Test
	void aRevokedKeyIsRefusedByEveryReplicaWithinOneSecond() {
		ApiClient owner = keyed(newAccountKey("BUSINESS"));
		JsonNode key = owner.post("/api/v1/keys", Map.of("name", "Doomed")).json();
		try (RunningService otherReplica = RunningService.start(GatewayApplication.class, "gateway",
				Map.of("spring.datasource.url", this.environment.getProperty("spring.datasource.url"),
						"claimport.gateway.admin-token", ADMIN_TOKEN))) {
			ApiClient here = keyed(key.get("key").asString());
			ApiClient there = new ApiClient(otherReplica.baseUrl()).with("X-API-Key", key.get("key").asString());
			assertThat(here.get("/api/v1/keys").status()).isEqualTo(200);
			assertThat(there.get("/api/v1/keys").status()).isEqualTo(200);

			assertThat(owner.delete("/api/v1/keys/" + key.get("id").asString()).status()).isEqualTo(204);
			long revokedAt = System.nanoTime();

			assertThat(here.get("/api/v1/keys").status()).isEqualTo(401);
			await().atMost(Duration.ofSeconds(1))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> there.get("/api/v1/keys").status() == 401);
			assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(1));
			assertThat(there.get("/api/v1/keys").json().get("detail").asString()).contains("revoked");
		}
	}

	private Duration grace() {
		return Duration.parse("PT" + ROTATION_GRACE.toUpperCase());
	}

}

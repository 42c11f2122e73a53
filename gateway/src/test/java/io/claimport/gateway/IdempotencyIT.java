package io.claimport.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceTestInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writes retried with an {@code Idempotency-Key} through the gateway, to a service that
 * counts what reaches it, and to the gateway's own key API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "claimport.gateway.admin-token=" + GatewayTest.ADMIN_TOKEN,
				"claimport.gateway.idempotency.removal-interval=1s" })
@ContextConfiguration(initializers = ServiceTestInitializer.class)
class IdempotencyIT {

	static final AtomicInteger writes = new AtomicInteger();

	static final AtomicInteger busyAnswers = new AtomicInteger();

	/** Holds a write naming a {@code SLOW} SKU until the test lets it answer. */
	static volatile CountDownLatch slowWrites = new CountDownLatch(0);

	static final HttpServer catalog = countingService();

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("CATALOG_URL", () -> "http://localhost:" + catalog.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		catalog.stop(0);
	}

	@Test
	void aRetryWithTheSameKeyGetsTheFirstAnswerAgainAndChangesNothing() {
		ApiClient store = keyed(openAccount()).with("Idempotency-Key", UUID.randomUUID().toString());
		int before = writes.get();

		ApiClient.Response first = store.post("/api/v1/products", "[{\"sku\":\"A-1\"}]");
		ApiClient.Response retry = store.post("/api/v1/products", "[{\"sku\":\"A-1\"}]");

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.header("Location")).isEqualTo(first.header("Location")).isNotNull();
		assertThat(retry.contentType()).isEqualTo(first.contentType());
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
		assertThat(writes.get() - before).as("writes that reached the service").isEqualTo(1);
	}

	@Test
	void theSameKeyForAnotherRequestIsRefused422AndRunsNothing() {
		ApiClient store = keyed(openAccount()).with("Idempotency-Key", "import-2026-12-07");
		store.post("/api/v1/products", "[{\"sku\":\"A-1\"}]");
		int before = writes.get();

		ApiClient.Response otherBody = store.post("/api/v1/products", "[{\"sku\":\"B-2\"}]");
		ApiClient.Response otherPath = store.post("/api/v1/products?mode=upsert", "[{\"sku\":\"A-1\"}]");

		for (ApiClient.Response refused : new ApiClient.Response[] { otherBody, otherPath }) {
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("type").asString())
				.isEqualTo("https://claimport.io/problems/idempotency-key-reused");
		}
		assertThat(writes.get()).isEqualTo(before);
	}

	@Test
	void whileTheFirstRequestRunsARetryIs409AndTheFirstStillCompletesOnce() throws Exception {
		ApiClient store = keyed(openAccount()).with("Idempotency-Key", UUID.randomUUID().toString());
		int before = writes.get();
		String slowBody = "[{\"sku\":\"SLOW-1\"}]";

		slowWrites = new CountDownLatch(1);
		CompletableFuture<ApiClient.Response> first = CompletableFuture
			.supplyAsync(() -> store.post("/api/v1/products", slowBody));
		await().atMost(Duration.ofSeconds(10)).until(() -> writes.get() > before);
		ApiClient.Response during = store.post("/api/v1/products", slowBody);
		slowWrites.countDown();
		ApiClient.Response firstAnswer = first.get(10, TimeUnit.SECONDS);
		ApiClient.Response after = store.post("/api/v1/products", slowBody);

		assertThat(during.status()).isEqualTo(409);
		assertThat(during.header("Retry-After")).isEqualTo("1");
		assertThat(during.json().get("type").asString())
			.isEqualTo("https://claimport.io/problems/idempotency-key-in-use");
		assertThat(firstAnswer.status()).isEqualTo(201);
		assertThat(after.status()).isEqualTo(201);
		assertThat(after.body()).isEqualTo(firstAnswer.body());
		assertThat(after.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(writes.get() - before).isEqualTo(1);
	}

	@Test
	void keysArePerAccountSoTwoAccountsNeverSeeEachOthersAnswers() {
		String key = "shared-key-" + UUID.randomUUID();
		ApiClient first = keyed(openAccount()).with("Idempotency-Key", key);
		ApiClient second = keyed(openAccount()).with("Idempotency-Key", key);
		int before = writes.get();

		ApiClient.Response a = first.post("/api/v1/products", "[{\"sku\":\"A-1\"}]");
		ApiClient.Response b = second.post("/api/v1/products", "[{\"sku\":\"A-1\"}]");

		assertThat(b.header("Idempotent-Replayed")).isNull();
		assertThat(b.body()).isNotEqualTo(a.body());
		assertThat(writes.get() - before).isEqualTo(2);
	}

	@Test
	void anEmptyOrTooLongKeyIs400NamingTheHeader() {
		ApiClient account = keyed(openAccount());
		int before = writes.get();

		ApiClient.Response empty = account.with("Idempotency-Key", "").post("/api/v1/products", "[]");
		ApiClient.Response tooLong = account.with("Idempotency-Key", "k".repeat(256)).post("/api/v1/products", "[]");
		ApiClient.Response longest = account.with("Idempotency-Key", "k".repeat(255)).post("/api/v1/products", "[]");

		for (ApiClient.Response refused : new ApiClient.Response[] { empty, tooLong }) {
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
		}
		assertThat(tooLong.json().get("detail").asString()).contains("256").contains("255");
		assertThat(longest.status()).isEqualTo(201);
		assertThat(writes.get() - before).isEqualTo(1);
	}

	@Test
	void withoutTheHeaderEveryRequestRunsAsBefore() {
		ApiClient account = keyed(openAccount());
		int before = writes.get();

		account.post("/api/v1/products", "[{\"sku\":\"A-1\"}]");
		ApiClient.Response second = account.post("/api/v1/products", "[{\"sku\":\"A-1\"}]");

		assertThat(second.header("Idempotent-Replayed")).isNull();
		assertThat(writes.get() - before).isEqualTo(2);
	}

	@Test
	void anAnswerThatAsksForARetryIsNotKeptSoTheRetryRuns() {
		ApiClient store = keyed(openAccount()).with("Idempotency-Key", UUID.randomUUID().toString());
		busyAnswers.set(1);
		int before = writes.get();

		ApiClient.Response busy = store.post("/api/v1/products", "[{\"sku\":\"A-1\"}]");
		ApiClient.Response retry = store.post("/api/v1/products", "[{\"sku\":\"A-1\"}]");

		assertThat(busy.status()).isEqualTo(503);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isNull();
		assertThat(writes.get() - before).isEqualTo(2);
	}

	@Test
	void aRetriedKeyCreationGivesTheSameKeyOnceAndTheStoreNeverHoldsItsSecret() {
		ApiClient owner = keyed(openAccount()).with("Idempotency-Key", UUID.randomUUID().toString());

		ApiClient.Response created = owner.post("/api/v1/keys", Map.of("name", "Shop sync"));
		ApiClient.Response retried = owner.post("/api/v1/keys", Map.of("name", "Shop sync"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
		String secret = created.json().get("key").asString();
		assertThat(retried.json().get("key").asString()).isEqualTo(secret);
		JsonNode keys = owner.get("/api/v1/keys").json().get("data");
		assertThat(keys.findValuesAsString("name").stream().filter("Shop sync"::equals)).hasSize(1);
		byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
		assertThat(
				this.jdbc.sql("SELECT answer FROM idempotency_key WHERE answer IS NOT NULL").query(byte[].class).list())
			.isNotEmpty()
			.noneMatch((answer) -> contains(answer, secretBytes));
	}

	@Test
	void aKeyWhoseDayIsOverIsRemovedAndCanBeUsedAgain() {
		ApiClient store = keyed(openAccount()).with("Idempotency-Key", UUID.randomUUID().toString());
		store.post("/api/v1/products", "[{\"sku\":\"A-1\"}]");
		this.jdbc.sql("UPDATE idempotency_key SET expires_at = now() - interval '1 second'").update();
		int before = writes.get();

		ApiClient.Response again = store.post("/api/v1/products", "[{\"sku\":\"B-2\"}]");

		assertThat(again.status()).isEqualTo(201);
		assertThat(writes.get() - before).isEqualTo(1);
		this.jdbc.sql("UPDATE idempotency_key SET expires_at = now() - interval '1 second'").update();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.jdbc.sql("SELECT count(*) FROM idempotency_key").query(Long.class).single())
						.as("keys left after their day")
						.isZero());
	}

	private String openAccount() {
		ApiClient.Response response = new ApiClient("http://localhost:" + this.port)
			.with("Authorization", "Bearer " + GatewayTest.ADMIN_TOKEN)
			.post("/admin/v1/accounts", Map.of("name", "Acme", "plan", "ENTERPRISE"));
		return response.json().get("apiKey").get("key").asString();
	}

	private ApiClient keyed(String key) {
		return new ApiClient("http://localhost:" + this.port).with("X-API-Key", key);
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	/**
	 * A catalog that counts the writes reaching it: each is answered 201 with its number,
	 * a body naming a {@code SLOW} SKU once {@link #slowWrites} lets it, and while
	 * {@link #busyAnswers} is above zero, 503.
	 */
	private static HttpServer countingService() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.setExecutor(Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "counting-catalog");
				thread.setDaemon(true);
				return thread;
			}));
			server.createContext("/", IdempotencyIT::answer);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answer(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		int number = writes.incrementAndGet();
		if (busyAnswers.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
			exchange.getResponseHeaders().set("Retry-After", "1");
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
			return;
		}
		if (body.contains("SLOW")) {
			try {
				slowWrites.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		byte[] answer = ("{\"created\":" + number + "}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("Location", "/api/v1/products/" + number);
		exchange.sendResponseHeaders(201, answer.length);
		exchange.getResponseBody().write(answer);
		exchange.close();
	}

}

package io.claimport.devstack;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ApiContract;
import io.claimport.testsupport.RawHttp;
import io.claimport.testsupport.TestIdentities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The suite as run.sh runs it: the launcher starts PostgreSQL, Kafka and the six service
 * jars in JVMs of their own; the test drives it through the gateway with a real HTTP
 * client.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedSuite.class)
class SuiteIT {

	private static final Logger log = LoggerFactory.getLogger(SuiteIT.class);

	static Suite suite;

	static ApiClient gateway;

	@BeforeAll
	static void useTheSuite() {
		suite = SharedSuite.suite();
		gateway = new ApiClient(suite.settings().gatewayUrl());
	}

	/**
	 * Every answer of a walkthrough is checked against the whole API's contract, as the
	 * gateway merges it from the running services (the hostile corpus and the fault runs
	 * check what they are about instead).
	 */
	@BeforeEach
	void checkAnswersAgainstTheContract() {
		String base = suite.settings().gatewayUrl();
		// the whole contract: the gateway lists a service whose description it could not
		// read
		ApiContract.register(base,
				() -> await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofSeconds(1))
					.until(() -> ApiContract.fetch(base + "/api/v1/openapi.json"),
							(contract) -> !contract.document().path("info").has("x-unavailable")));
	}

	@Test
	void bulkCreatedDataShowsUpInAnalyticsAndEveryRequestInTheAuditLog() {
		ApiClient integrator = gateway.with("X-API-Key", openAccount("Acme"));

		ApiClient.Response products = integrator.post("/api/v1/products", List.of(product("WHP-001", "Electronics"),
				product("SWS-005", "Electronics"), product("MUG-1", "Kitchen")));
		assertThat(products.status()).isEqualTo(201);
		assertThat(products.header("RateLimit-Policy")).isEqualTo("\"minute\";q=120;w=60, \"day\";q=20000;w=86400");
		ApiClient.Response orders = integrator.post("/api/v1/orders",
				List.of(order("1001", "DELIVERED"), order("1002", "SHIPPED")));
		assertThat(orders.status()).isEqualTo(201);
		String orderId = orders.json().get("created").get(0).asString();
		long placed = System.nanoTime();
		fileClaim(integrator, orderId);
		// how long a new order takes to become claimable: the claims service's
		// projection lag
		log.info("Order {} claimable {} ms after it was placed", orderId, (System.nanoTime() - placed) / 1_000_000);

		JsonNode analytics = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> integrator.get("/api/v1/analytics").json(),
					(body) -> body.get("claims").get("total").asInt() == 1);
		assertThat(analytics.get("products").get("total").asInt()).isEqualTo(3);
		assertThat(analytics.get("products").get("byCategory").get("Electronics").asInt()).isEqualTo(2);
		assertThat(analytics.get("orders").get("byStatus").toString()).isEqualTo("{\"DELIVERED\":1,\"SHIPPED\":1}");
		assertThat(analytics.get("claims").get("byState").get("NEW").asInt()).isEqualTo(1);

		JsonNode requests = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> integrator.get("/api/v1/audit/requests?size=200").json(),
					(body) -> body.get("totalElements").asInt() >= 5);
		assertThat(requests.get("data").findValuesAsString("path")).contains("/api/v1/products", "/api/v1/orders",
				"/api/v1/claims", "/api/v1/analytics");
	}

	@Test
	void aClaimIsReviewedApprovedRefundedAndClosedWithItsConversationAndAnalyticsFollows() {
		ApiClient desk = gateway.with("X-API-Key", openAccount("Desk"));
		String orderId = desk.post("/api/v1/orders", List.of(order("5001", "DELIVERED")))
			.json()
			.get("created")
			.get(0)
			.asString();
		String claimId = fileClaim(desk, orderId);
		String claim = "/api/v1/claims/" + claimId;

		ApiClient.Response opened = desk.with("If-Match", "\"0\"")
			.post(claim + "/transitions", Map.of("claimState", "OPEN", "reason", "triaged"));
		ApiClient.Response message = desk.post(claim + "/messages",
				Map.of("message", "Still silent after a reset.", "senderType", "customer", "medias",
						List.of(Map.of("url", "https://cdn.example.com/e.jpg", "type", "IMAGE"))));
		ApiClient.Response document = desk.post(claim + "/documents",
				Map.of("url", "https://files.example.com/receipt.pdf", "documentType", "RECEIPT"));
		ApiClient.Response approved = desk.post(claim + "/transitions",
				Map.of("claimState", "APPROVED", "reason", "photo shows the fault"));
		ApiClient.Response stale = desk.with("If-Match", "\"0\"")
			.post(claim + "/transitions", Map.of("claimState", "DENIED"));
		ApiClient.Response refunded = desk.post(claim + "/resolutions",
				Map.of("resolutionType", "REFUND", "paidValue", new BigDecimal("149.99"), "paidCurrency", "USD"));
		ApiClient.Response closed = desk.post(claim + "/transitions", Map.of("claimState", "CLOSED"));

		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		assertThat(message.status()).as(message.body()).isEqualTo(201);
		assertThat(document.status()).as(document.body()).isEqualTo(201);
		assertThat(approved.json().get("claimState").asString()).isEqualTo("APPROVED");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(refunded.json().get("claimState").asString()).isEqualTo("RESOLVED");
		JsonNode node = closed.json();
		assertThat(node.get("claimState").asString()).isEqualTo("CLOSED");
		assertThat(node.get("claimResolutions").get(0).get("paidValue").decimalValue()).isEqualByComparingTo("149.99");
		assertThat(node.get("claimMessages").get(0).get("senderType").asString()).isEqualTo("customer");
		assertThat(node.get("documents").get(0).get("documentType").asString()).isEqualTo("RECEIPT");
		JsonNode history = desk.get(claim + "/history").json().get("changes");
		assertThat(history.findValuesAsString("toState")).containsExactly("NEW", "OPEN", "APPROVED", "RESOLVED",
				"CLOSED");

		ApiClient.Response offline = desk.post("/api/v1/claims/offline",
				offlineWarrantyClaim(Instant.now().minus(30, ChronoUnit.DAYS)));
		ApiClient.Response expired = desk.post("/api/v1/claims/offline",
				offlineWarrantyClaim(Instant.now().minus(400, ChronoUnit.DAYS)));

		assertThat(offline.status()).as(offline.body()).isEqualTo(201);
		String offlineId = offline.json().get("payload").get("id").asString();
		assertThat(offline.json().get("payload").get("sourceOrderId").asString()).startsWith("OF-");
		assertThat(expired.status()).isEqualTo(422);
		assertThat(expired.body()).contains("warranty-expired");
		assertThat(desk.get("/api/v1/claims?claimCategory=WARRANTY&salesChannel=IN_STORE")
			.json()
			.get("edges")
			.findValuesAsString("cursor")).containsExactly(offlineId);
		JsonNode claims = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> desk.get("/api/v1/analytics").json().get("claims"),
					(body) -> body.get("byState").toString().equals("{\"CLOSED\":1,\"NEW\":1}"));
		assertThat(claims.get("total").asInt()).isEqualTo(2);
	}

	@Test
	void aProductMovedToAnotherCategoryAOneDeletedAndAShippedOrderAreFollowedByAnalytics() {
		ApiClient store = gateway.with("X-API-Key", openAccount("Follower"));
		String orderId = store.post("/api/v1/orders", List.of(order("8001", "PROCESSING")))
			.json()
			.get("created")
			.get(0)
			.asString();
		assertThat(store.patch("/api/v1/orders/" + orderId, Map.of("status", "SHIPPED", "carrier", "UPS")).status())
			.isEqualTo(200);
		JsonNode created = store
			.post("/api/v1/products", List.of(product("SPK-1", "Electronics"), product("SPK-2", "Electronics")))
			.json();
		String moved = created.get("created").get(0).asString();
		String deleted = created.get("created").get(1).asString();

		assertThat(store.patch("/api/v1/products/" + moved, Map.of("category", "Audio")).status()).isEqualTo(200);
		assertThat(store.delete("/api/v1/products/" + deleted).status()).isEqualTo(204);

		JsonNode products = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> store.get("/api/v1/analytics").json().get("products"),
					// the two products' events travel on different partitions, applied
					// side by
					// side: wait for both
					(body) -> body.get("total").asInt() == 1 && body.get("byCategory").has("Audio"));
		assertThat(products.get("byCategory").toString()).isEqualTo("{\"Audio\":1}");
		JsonNode orders = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> store.get("/api/v1/analytics").json().get("orders"),
					(body) -> body.get("byStatus").toString().equals("{\"SHIPPED\":1}"));
		assertThat(orders.get("total").asInt()).isEqualTo(1);
	}

	@Test
	void aClaimAndATransitionRetriedWithTheirIdempotencyKeysTakeEffectOnce() {
		ApiClient desk = gateway.with("X-API-Key", openAccount("Retries"));
		// two units: one claimed plainly (once the order is claimable), one with a key
		Map<String, Object> twoUnits = Map.of("orderNumber", "7001", "status", "DELIVERED", "customer",
				Map.of("email", "ann@example.com", "name", "Ann Lee"), "lineItems",
				List.of(Map.of("sku", "WHP-001", "quantity", 2, "price", new BigDecimal("149.99"))));
		String orderId = desk.post("/api/v1/orders", List.of(twoUnits)).json().get("created").get(0).asString();
		fileClaim(desk, orderId);
		ApiClient filing = desk.with("Idempotency-Key", "claim-7001-" + UUID.randomUUID());

		ApiClient.Response filed = filing.post("/api/v1/claims", List.of(claim(orderId)));
		ApiClient.Response refiled = filing.post("/api/v1/claims", List.of(claim(orderId)));

		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		assertThat(refiled.status()).isEqualTo(201);
		assertThat(refiled.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(refiled.body()).isEqualTo(filed.body());
		assertThat(desk.get("/api/v1/claims").json().get("edges")).hasSize(2);

		String claim = "/api/v1/claims/" + filed.json().get("created").get(0).asString();
		ApiClient triage = desk.with("Idempotency-Key", UUID.randomUUID().toString());
		ApiClient.Response opened = triage.post(claim + "/transitions", Map.of("claimState", "OPEN"));
		ApiClient.Response reopened = triage.post(claim + "/transitions", Map.of("claimState", "OPEN"));

		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		assertThat(reopened.status()).isEqualTo(200);
		assertThat(reopened.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(desk.get(claim + "/history").json().get("changes").findValuesAsString("toState"))
			.containsExactly("NEW", "OPEN");
	}

	@Test
	void aWrongKeyIsRefusedWith401AndTheRequestStillReachesTheAuditLog() {
		ApiClient.Response refused = gateway.with("X-API-Key", "cp_live_" + "x".repeat(55)).get("/api/v1/products");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		String requestId = refused.header("X-Request-Id");
		ApiClient operator = gateway.with("Authorization", "Bearer " + suite.adminToken());
		JsonNode logged = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> operator.get("/admin/v1/audit/requests?status=401&size=200").json(),
					(body) -> body.get("data").findValuesAsString("requestId").contains(requestId));
		for (JsonNode entry : logged.get("data")) {
			if (entry.get("requestId").asString().equals(requestId)) {
				assertThat(entry.get("rejectionReason").asString()).as("its checksum does not match")
					.isEqualTo("malformed_api_key");
				assertThat(entry.get("accountId").isNull()).isTrue();
			}
		}
	}

	@Test
	void aSecondAccountSeesNoneOfTheFirstAccountsData() {
		ApiClient first = gateway.with("X-API-Key", openAccount("First"));
		ApiClient second = gateway.with("X-API-Key", openAccount("Second"));
		String productId = first.post("/api/v1/products", List.of(product("ONLY-MINE", "Secret")))
			.json()
			.get("created")
			.get(0)
			.asString();
		String orderId = first.post("/api/v1/orders", List.of(order("9001", "PENDING")))
			.json()
			.get("created")
			.get(0)
			.asString();
		String claimId = fileClaim(first, orderId);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> first.get("/api/v1/analytics").json().get("claims").get("total").asInt() == 1);

		assertThat(second.get("/api/v1/products/" + productId).status()).isEqualTo(404);
		assertThat(second.get("/api/v1/orders/" + orderId).status()).isEqualTo(404);
		assertThat(second.get("/api/v1/claims/" + claimId).status()).isEqualTo(404);
		assertThat(second.get("/api/v1/products").json().get("totalElements").asInt()).isZero();
		assertThat(second.get("/api/v1/orders").json().get("totalElements").asInt()).isZero();
		assertThat(second.get("/api/v1/claims").json().get("edges")).isEmpty();
		JsonNode analytics = second.get("/api/v1/analytics").json();
		assertThat(analytics.get("products").get("total").asInt()).isZero();
		assertThat(analytics.get("claims").get("total").asInt()).isZero();
		// the second account only read: any write in its request log would be the
		// first account's
		assertThat(second.get("/api/v1/audit/requests?size=200").json().get("data").findValuesAsString("method"))
			.isNotEmpty()
			.doesNotContain("POST");
	}

	@Test
	void aKeysUsageMatchesTheRequestsMadeInTheKeyApiAndTheUsageReport() {
		ApiClient owner = gateway.with("X-API-Key", openAccount("Usage"));
		JsonNode key = owner.post("/api/v1/keys", Map.of("name", "Storefront", "scopes", List.of("products:read")))
			.json();
		String keyId = key.get("id").asString();
		ApiClient storefront = gateway.with("X-API-Key", key.get("key").asString());

		assertThat(storefront.get("/api/v1/products").status()).isEqualTo(200);
		assertThat(storefront.get("/api/v1/products?category=Audio").status()).isEqualTo(200);
		assertThat(storefront.get("/api/v1/products/prod_01KA0000000000000000000000").status()).isEqualTo(404);
		assertThat(storefront.post("/api/v1/products", List.of(product("NO-1", "Audio"))).status()).isEqualTo(403);

		String expected = "\"requests\":4,\"clientErrors\":2,\"serverErrors\":0";
		assertThat(owner.get("/api/v1/keys/" + keyId).json().get("usageToday").toString())
			.isEqualTo("{" + expected + "}");
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		JsonNode report = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> owner.get("/api/v1/audit/usage?keyId=" + keyId + "&from=" + today + "&to=" + today).json(),
					(body) -> body.get("data").size() == 1 && body.get("data").get(0).toString().contains(expected));
		assertThat(report.get("data").get(0).get("day").asString()).isEqualTo(today);
	}

	@Test
	void servicesCalledDirectlyWithoutTheGatewaysIdentityAnswer401() {
		String key = openAccount("Direct");
		Map<Service, String> paths = Map.of(Service.CATALOG, "/api/v1/products", Service.ORDER, "/api/v1/orders",
				Service.CLAIMS, "/api/v1/claims", Service.ANALYTICS, "/api/v1/analytics", Service.AUDIT,
				"/api/v1/audit/requests");
		paths.forEach((service, path) -> {
			ApiClient direct = new ApiClient("http://localhost:" + suite.settings().ports().get(service));
			assertThat(direct.get(path).status()).as(service + " without identity").isEqualTo(401);
			assertThat(direct.with("Authorization", "Bearer " + key).get(path).status())
				.as(service + " with an API key instead of the gateway's identity")
				.isEqualTo(401);
			assertThat(direct.with("X-Claimport-Account", "acct_x").get(path).status())
				.as(service + " with a made-up identity header")
				.isEqualTo(401);
		});
	}

	@Test
	void aCorpusOfHostileRequestsGetsCleanRefusalsWritesNothingAndLosesNoNormalRequest() {
		ApiContract.forget(suite.settings().gatewayUrl());
		String key = openAccount("Target", "ENTERPRISE");
		ApiClient target = gateway.with("X-API-Key", key);
		JsonNode normalKey = target.post("/api/v1/keys", Map.of("name", "Normal traffic")).json();
		ApiClient normal = gateway.with("X-API-Key", normalKey.get("key").asString());
		ApiClient other = gateway.with("X-API-Key", openAccount("Other"));
		String otherProduct = other.post("/api/v1/products", List.of(product("OTHER-SECRET-SKU", "Hidden")))
			.json()
			.get("created")
			.get(0)
			.asString();
		String otherOrder = other.post("/api/v1/orders", List.of(order("OTHER-SECRET-ORDER", "PENDING")))
			.json()
			.get("created")
			.get(0)
			.asString();
		String otherClaim = fileClaim(other, otherOrder);
		URI url = URI.create(suite.settings().gatewayUrl());
		Map<String, String> values = Map.of("KEY", key, "HOST", url.getHost() + ":" + url.getPort(), "FORGED",
				TestIdentities.forgedBearer("acct_forged", "full:access").substring("Bearer ".length()),
				"OTHER_ACCOUNT", "acct_other", "OTHER_PRODUCT", otherProduct, "OTHER_ORDER", otherOrder, "OTHER_CLAIM",
				otherClaim);
		// from an address of its own: the corpus's few bad keys must not lock out
		// the other tests
		RawHttp raw = new RawHttp(url.getHost(), url.getPort()).from("127.0.0.7");

		List<String> defects = new ArrayList<>();
		List<String> normalRequests = new ArrayList<>();
		List<HostileCorpus.Entry> entries = HostileCorpus.load().entries();
		for (int i = 0; i < entries.size(); i++) {
			HostileCorpus.Entry entry = entries.get(i);
			RawHttp.Response response = entry.send(raw, values);
			int status = response.status();
			if (status == 0 && entry.raw() == null) {
				defects.add(entry.name() + ": no HTTP answer");
			}
			if (status >= 500) {
				defects.add(entry.name() + ": " + status + " " + response.body());
			}
			if (status >= 400 && !response.isProblem()) {
				defects.add(entry.name() + ": " + status + " is not problem+json: " + response.contentType() + " "
						+ response.body());
			}
			if (status >= 200 && status < 300 && entry.writes()) {
				defects.add(entry.name() + ": written (" + status + ")");
			}
			if (response.body().contains("OTHER-SECRET")) {
				defects.add(entry.name() + ": shows the other account's data");
			}
			if (i % 10 == 0) {
				ApiClient.Response answered = normal.get("/api/v1/products?size=1");
				assertThat(answered.status()).as("normal request after " + entry.name()).isEqualTo(200);
				normalRequests.add(answered.header("X-Request-Id"));
			}
		}

		assertThat(defects).as(entries.size() + " hostile requests").isEmpty();
		assertThat(target.get("/api/v1/products").json().get("totalElements").asInt()).isZero();
		assertThat(target.get("/api/v1/orders").json().get("totalElements").asInt()).isZero();
		assertThat(target.get("/api/v1/claims").json().get("edges")).isEmpty();
		String keyId = normalKey.get("id").asString();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(target.get("/api/v1/audit/requests?size=200&keyId=" + keyId)
				.json()
				.get("data")
				.findValuesAsString("requestId")).containsAll(normalRequests));
	}

	/**
	 * A write load through the gateway while every service in turn, the gateway last, is
	 * killed with SIGKILL and the launcher starts it again, and while Kafka is stopped
	 * and started: nothing acknowledged is lost, analytics counts exactly what the
	 * services hold, and the request log holds every answered request (the gateway runs
	 * in the strict mode, so an answer means its entry was on disk). Last, so that no
	 * other test runs beside the faults.
	 */
	@Test
	@Order(Integer.MAX_VALUE - 1)
	void underAWriteLoadEveryApplicationStoppedWithSigtermLosesNoRequestInFlightNoCountAndNoEvent() {
		ApiContract.forget(suite.settings().gatewayUrl());
		ApiClient owner = gateway.with("X-API-Key", openAccount("Shutdowns", "ENTERPRISE"));
		JsonNode writerKey = owner.post("/api/v1/keys", Map.of("name", "Writer")).json();
		ApiClient store = gateway.with("X-API-Key", writerKey.get("key").asString());
		WriteLoad load = new WriteLoad(store);
		Thread writer = new Thread(load, "shutdown-run-writer");
		writer.start();
		try {
			pause(Duration.ofSeconds(5));
			stopEachInTurnAndAwaitItsReturn("Sent SIGTERM to", suite::terminate);
		}
		finally {
			load.stop();
			join(writer);
		}
		log.info(
				"Shutdown run: {} answers, {} products, {} orders and {} claims acknowledged; answers by status {}; "
						+ "{} requests not answered: {}",
				load.answered.size(), load.products.size(), load.orders.size(), load.claims.size(), load.statuses,
				load.unanswered.size(), load.unanswered);
		// counted: the gateway's usage of the writer's key is every request it
		// answered, the counts of the stopped gateway included (asked before any
		// other use of the key)
		assertThat(owner.get("/api/v1/keys/" + writerKey.get("id").asString())
			.json()
			.get("usageToday")
			.get("requests")
			.asInt()).isEqualTo(load.answered.size());
		// a service that is stopping is refused cleanly (503 from the gateway), never
		// left without an answer (504) nor cut off in the middle of one (502): before its
		// connector stops, it closes the gateway's kept-alive connections
		// (ConnectionDrain)
		assertThat(load.statuses.keySet())
			.as(() -> "answers by status; what the gateway logged of its 502 and 504 answers: "
					+ linesOf(Service.GATEWAY, " 502 for ", " 504 for "))
			.allMatch((status) -> status == 201 || status == 422 || status == 503);
		// while the gateway itself restarts, a new connection is refused; nothing else
		assertThat(load.unanswered).as("requests without an answer").allMatch((why) -> why.contains("Connect"));

		assertNothingAcknowledgedWasLost(store, load);
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void underAWriteLoadKilledServicesAndAStoppedKafkaLoseNoAcknowledgedWriteEventOrRequestLogEntry() {
		ApiContract.forget(suite.settings().gatewayUrl());
		ApiClient store = gateway.with("X-API-Key", openAccount("Faults", "ENTERPRISE"));
		WriteLoad load = new WriteLoad(store);
		Thread writer = new Thread(load, "fault-run-writer");
		writer.start();
		try {
			pause(Duration.ofSeconds(5));
			stopEachInTurnAndAwaitItsReturn("Killed", suite::kill);
			suite.stopKafka();
			pause(Duration.ofSeconds(10));
			suite.startKafka();
			pause(Duration.ofSeconds(10));
		}
		finally {
			load.stop();
			join(writer);
		}
		log.info("Fault run: {} answers, {} products, {} orders and {} claims acknowledged; answers by status {}",
				load.answered.size(), load.products.size(), load.orders.size(), load.claims.size(), load.statuses);
		assertThat(load.products).isNotEmpty();
		assertThat(load.orders).isNotEmpty();
		assertThat(load.claims).isNotEmpty();
		assertThat(load.statuses.keySet()).as("no answer from the gateway but these")
			.allMatch((status) -> status == 201 || status == 422 || status == 502 || status == 503 || status == 504);

		assertNothingAcknowledgedWasLost(store, load);
	}

	/**
	 * Stops every service and the gateway one after the other as told, each time waiting
	 * until the suite has it running and ready again.
	 */
	private static void stopEachInTurnAndAwaitItsReturn(String what, ToLongFunction<Service> stop) {
		for (Service service : List.of(Service.CATALOG, Service.ORDER, Service.CLAIMS, Service.ANALYTICS, Service.AUDIT,
				Service.GATEWAY)) {
			long stopped = stop.applyAsLong(service);
			log.info("{} {} (pid {})", what, service.module(), stopped);
			await().atMost(Duration.ofMinutes(4))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> suite.pid(service) != stopped && healthy(service));
			pause(Duration.ofSeconds(3));
		}
	}

	private static List<String> linesOf(Service service, String... containing) {
		try (Stream<String> lines = Files.lines(suite.logOf(service))) {
			return lines.filter((line) -> Arrays.stream(containing).anyMatch(line::contains)).toList();
		}
		catch (IOException ex) {
			return List.of("(log unreadable: " + ex + ")");
		}
	}

	/**
	 * Every write the load saw acknowledged is there once, analytics counts what the
	 * services hold, and the request log has every request the gateway answered.
	 */
	private static void assertNothingAcknowledgedWasLost(ApiClient store, WriteLoad load) {
		List<String> products = offsetPages(store, "/api/v1/products");
		List<String> orders = offsetPages(store, "/api/v1/orders");
		List<String> claims = claimPages(store);
		assertThat(products).containsAll(load.products).doesNotHaveDuplicates();
		assertThat(orders).containsAll(load.orders).doesNotHaveDuplicates();
		assertThat(claims).containsAll(load.claims).doesNotHaveDuplicates();
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			JsonNode analytics = store.get("/api/v1/analytics").json();
			assertThat(analytics.get("products").get("total").asInt()).isEqualTo(products.size());
			assertThat(analytics.get("orders").get("total").asInt()).isEqualTo(orders.size());
			assertThat(analytics.get("claims").get("total").asInt()).isEqualTo(claims.size());
		});
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(logged(store)).containsAll(load.answered));
	}

	/**
	 * One client writing products, orders and claims on its acknowledged orders, about
	 * three requests a second (the Enterprise plan allows 300 a minute), recording every
	 * answer's request id and every acknowledged write.
	 */
	private static final class WriteLoad implements Runnable {

		private final ApiClient client;

		private volatile boolean running = true;

		final List<String> answered = new CopyOnWriteArrayList<>();

		final List<String> products = new CopyOnWriteArrayList<>();

		final List<String> orders = new CopyOnWriteArrayList<>();

		final List<String> claims = new CopyOnWriteArrayList<>();

		final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

		/** Why a request got no answer at all: the exception under the client's. */
		final List<String> unanswered = new CopyOnWriteArrayList<>();

		WriteLoad(ApiClient client) {
			this.client = client;
		}

		@Override
		public void run() {
			for (int n = 0; this.running; n++) {
				String number = "F" + n;
				switch (n % 3) {
					case 0 -> send("/api/v1/products", product(number, "Faults"), this.products);
					case 1 -> send("/api/v1/orders", order(number, "DELIVERED"), this.orders);
					default -> {
						// a claim on an order acknowledged a while ago, which the claims
						// service has most likely learnt of
						if (this.orders.size() > 3) {
							send("/api/v1/claims", claim(this.orders.get(this.orders.size() - 3)), this.claims);
						}
					}
				}
				pause(Duration.ofMillis(300));
			}
		}

		private void send(String path, Map<String, Object> item, List<String> acknowledged) {
			ApiClient.Response response;
			try {
				response = this.client.post(path, List.of(item));
			}
			catch (IllegalStateException ex) {
				// no answer: nothing to find in the request log
				this.unanswered.add(String.valueOf(ex.getCause()));
				return;
			}
			this.statuses.merge(response.status(), 1, Integer::sum);
			this.answered.add(response.header("X-Request-Id"));
			if (response.status() == 201) {
				acknowledged.add(response.json().get("created").get(0).asString());
			}
		}

		void stop() {
			this.running = false;
		}

	}

	private static boolean healthy(Service service) {
		try {
			return new ApiClient("http://localhost:" + suite.settings().managementPorts().get(service))
				.get("/actuator/health/readiness")
				.status() == 200;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	/** Every id of a products or orders listing, page by page. */
	private static List<String> offsetPages(ApiClient client, String path) {
		List<String> ids = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode data = client.get(path + "?size=100&page=" + page).json().get("data");
			if (data.isEmpty()) {
				return ids;
			}
			data.forEach((item) -> ids.add(item.get("id").asString()));
		}
	}

	private static List<String> claimPages(ApiClient client) {
		List<String> ids = new ArrayList<>();
		String after = null;
		while (true) {
			JsonNode page = client.get("/api/v1/claims?first=100" + ((after != null) ? "&after=" + after : "")).json();
			page.get("edges").forEach((edge) -> ids.add(edge.get("node").get("id").asString()));
			if (!page.get("pageInfo").get("hasNextPage").asBoolean()) {
				return ids;
			}
			after = page.get("pageInfo").get("endCursor").asString();
		}
	}

	/** The request ids in the account's request log. */
	private static List<String> logged(ApiClient client) {
		List<String> ids = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode data = client.get("/api/v1/audit/requests?size=200&page=" + page).json().get("data");
			if (data.isEmpty()) {
				return ids;
			}
			ids.addAll(data.findValuesAsString("requestId"));
		}
	}

	private static void pause(Duration duration) {
		LockSupport.parkNanos(duration.toNanos());
	}

	private static void join(Thread thread) {
		try {
			thread.join(Duration.ofSeconds(60).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Files a claim on an order just placed: the claims service knows the order once its
	 * event has arrived, moments later; until then the claim is refused as unknown-order.
	 */
	private static String fileClaim(ApiClient client, String orderId) {
		ApiClient.Response filed = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> client.post("/api/v1/claims", List.of(claim(orderId))),
					(response) -> response.status() != 422);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		return filed.json().get("created").get(0).asString();
	}

	private static String openAccount(String name) {
		return openAccount(name, "BUSINESS");
	}

	private static String openAccount(String name, String plan) {
		ApiClient.Response response = gateway.with("Authorization", "Bearer " + suite.adminToken())
			.post("/admin/v1/accounts", Map.of("name", name, "plan", plan));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("apiKey").get("key").asString();
	}

	private static Map<String, Object> product(String sku, String category) {
		return Map.of("name", "Product " + sku, "sku", sku, "category", category, "price", new BigDecimal("19.99"),
				"warrantyMonths", 12);
	}

	private static Map<String, Object> order(String number, String status) {
		return Map.of("orderNumber", number, "status", status, "customer",
				Map.of("email", "ann@example.com", "name", "Ann Lee"), "lineItems",
				List.of(Map.of("sku", "WHP-001", "quantity", 1, "price", new BigDecimal("149.99"))));
	}

	/**
	 * Seed 002's offline warranty claim: headphones bought in a shop, a year's warranty.
	 */
	private static Map<String, Object> offlineWarrantyClaim(Instant bought) {
		return Map.of("customer", Map.of("email", "john@example.com", "phoneNumber", "+1234567890"), "item",
				Map.of("name", "Wireless Headphones Pro", "sku", "WHP-001", "price", new BigDecimal("149.99")),
				"warranty",
				Map.of("dateOfPurchase", bought.truncatedTo(ChronoUnit.DAYS).toString(), "receiptRequired", true,
						"receiptImages", List.of("https://example.com/receipt.jpg"), "warrantyPeriod", "P1Y"),
				"shippingAddress",
				Map.of("firstName", "John", "lastName", "Smith", "address1", "123 Main St", "city", "New York", "zip",
						"10001", "country", "United States", "countryAbr", "US"),
				"storeId", "store_123", "signature", "", "salesChannel", "IN_STORE", "claimCategory", "WARRANTY",
				"issueType", "DEFECTIVE_ITEM", "resolution", "REFUND");
	}

	private static Map<String, Object> claim(String orderId) {
		return Map.of("orderId", orderId, "authorName", "Ann Lee", "authorEmail", "ann@example.com", "claimDescription",
				"Left ear cup stopped working.", "claimType", "DEFECTIVE", "claimItems",
				List.of(Map.of("itemId", "WHP-001", "quantity", 1)));
	}

}

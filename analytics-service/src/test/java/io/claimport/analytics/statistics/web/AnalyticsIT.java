package io.claimport.analytics.statistics.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.claimport.common.event.ClaimCreated;
import io.claimport.common.event.ClaimStateChanged;
import io.claimport.common.event.EventEnvelope;
import io.claimport.common.event.EventTypes;
import io.claimport.common.event.OrderCreated;
import io.claimport.common.event.ProductCreated;
import io.claimport.common.event.Topics;
import io.claimport.common.id.PublicIds;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.PrometheusScrape;
import io.claimport.testsupport.RecordedSpans;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestEvents;
import io.claimport.testsupport.TestIdentities;
import io.claimport.testsupport.TestInfrastructure;
import io.claimport.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@Import(RecordedSpans.class)
@TestPropertySource(properties = "management.tracing.sampling.probability=1.0")
class AnalyticsIT {

	@Value("${local.server.port}")
	int port;

	@Value("${local.management.port}")
	int managementPort;

	final TestEvents events = new TestEvents();

	@AfterEach
	void close() {
		this.events.close();
	}

	@Test
	void countsProductsOrdersAndClaimsPerAccountFromTheirEvents() {
		String account = PublicIds.next("acct");
		this.events.send(EventTypes.PRODUCT_CREATED, account, "prod_1", product("prod_1", "Electronics"));
		this.events.send(EventTypes.PRODUCT_CREATED, account, "prod_2", product("prod_2", "Electronics"));
		this.events.send(EventTypes.PRODUCT_CREATED, account, "prod_3", product("prod_3", "Garden"));
		this.events.send(EventTypes.ORDER_CREATED, account, "ord_1",
				new OrderCreated("ord_1", "1001", "SHIPPED", 1, 2, new BigDecimal("20.00"), "USD"));
		this.events.send(EventTypes.CLAIM_CREATED, account, "clm_1",
				new ClaimCreated("clm_1", "ord_1", "NEW", null, 1));

		JsonNode analytics = await().atMost(Duration.ofSeconds(30))
			.until(() -> analytics(account), (body) -> body.get("claims").get("total").asInt() == 1
					&& body.get("products").get("total").asInt() == 3);

		assertThat(analytics.get("products").get("byCategory").toString())
			.isEqualTo("{\"Electronics\":2,\"Garden\":1}");
		// what an operator watches: how long events take to reach the projection,
		// and the lag
		PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.managementPort);
		assertThat(scrape.value("claimport_projection_delay_seconds_count")).isGreaterThanOrEqualTo(5);
		assertThat(scrape.value("claimport_projection_delay_seconds_max")).isPositive();
		// the consumers' own metrics are bound as Kafka reports them: within a minute
		await().atMost(Duration.ofSeconds(75))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> PrometheusScrape.of("http://localhost:" + this.managementPort)
				.has("kafka_consumer_fetch_manager_records_lag_max"));
		assertThat(analytics.get("orders").get("total").asInt()).isEqualTo(1);
		assertThat(analytics.get("orders").get("byStatus").get("SHIPPED").asInt()).isEqualTo(1);
		assertThat(analytics.get("claims").get("byState").get("NEW").asInt()).isEqualTo(1);
		assertThat(analytics(PublicIds.next("acct")).get("products").get("total").asInt()).isZero();
	}

	@Test
	void followsClaimsFromStateToStateAsTheyMove() {
		String account = PublicIds.next("acct");
		this.events.send(EventTypes.CLAIM_CREATED, account, "clm_a",
				new ClaimCreated("clm_a", "ord_1", "NEW", null, 1));
		this.events.send(EventTypes.CLAIM_CREATED, account, "clm_b",
				new ClaimCreated("clm_b", "ord_1", "NEW", null, 1));
		this.events.send(EventTypes.CLAIM_STATE_CHANGED, account, "clm_a",
				new ClaimStateChanged("clm_a", "NEW", "OPEN", null, "key_1"));
		this.events.send(EventTypes.CLAIM_STATE_CHANGED, account, "clm_a",
				new ClaimStateChanged("clm_a", "OPEN", "APPROVED", "receipt checked", "key_1"));
		EventEnvelope twice = this.events.send(EventTypes.CLAIM_STATE_CHANGED, account, "clm_b",
				new ClaimStateChanged("clm_b", "NEW", "DENIED", null, "key_1"));
		this.events.send(EventTypes.CLAIM_STATE_CHANGED, twice,
				new ClaimStateChanged("clm_b", "NEW", "DENIED", null, "key_1"));

		JsonNode claims = await().atMost(Duration.ofSeconds(30))
			.until(() -> analytics(account).get("claims"),
					(body) -> body.get("byState").toString().equals("{\"APPROVED\":1,\"DENIED\":1}"));

		assertThat(claims.get("total").asInt()).isEqualTo(2);
	}

	@Test
	void countsAnEventDeliveredTwiceOnce() {
		String account = PublicIds.next("acct");
		ProductCreated payload = product("prod_twice", "Toys");
		EventEnvelope envelope = this.events.send(EventTypes.PRODUCT_CREATED, account, "prod_twice", payload);
		this.events.send(EventTypes.PRODUCT_CREATED, envelope, payload);
		this.events.send(EventTypes.PRODUCT_CREATED, account, "prod_after", product("prod_after", "Toys"));

		JsonNode analytics = await().atMost(Duration.ofSeconds(30))
			.until(() -> analytics(account), (body) -> body.get("products").get("byCategory").has("Toys")
					&& body.get("products").get("total").asInt() >= 2);

		assertThat(analytics.get("products").get("total").asInt()).isEqualTo(2);
		assertThat(analytics.get("products").get("byCategory").get("Toys").asInt()).isEqualTo(2);
	}

	@Test
	void countsAnEventInTheTraceOfTheChangeThatCausedIt() {
		String account = PublicIds.next("acct");
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		EventEnvelope envelope = EventEnvelope.create(EventTypes.PRODUCT_CREATED, "catalog-service", account, "prod_t",
				1, Instant.now());
		this.events.send(EventTypes.PRODUCT_CREATED, envelope, product("prod_t", "Lamps"),
				Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> analytics(account).get("products").get("total").asInt() == 1);
		List<SpanData> trace = await().atMost(Duration.ofSeconds(10))
			.until(() -> RecordedSpans.ofTrace(traceId), (spans) -> !spans.isEmpty());
		assertThat(trace).anySatisfy((span) -> {
			assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
			assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
		});
	}

	@Test
	void sendsAnUnreadableRecordToTheDeadLetterTopicAndKeepsConsuming() {
		String account = PublicIds.next("acct");
		String poisonKey = PublicIds.next("prod");
		this.events.sendRaw(Topics.PRODUCTS, poisonKey, "{not json", Map.of("ce_type", "ProductCreated"));
		this.events.send(EventTypes.PRODUCT_CREATED, account, "prod_ok", product("prod_ok", "Books"));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> analytics(account).get("products").get("total").asInt() == 1);
		try (TopicReader deadLetters = new TopicReader(TestInfrastructure.kafka().bootstrapServers(),
				Topics.deadLetter(Topics.PRODUCTS))) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> deadLetters.records().stream().anyMatch((record) -> poisonKey.equals(record.key())));
		}
		assertThat(PrometheusScrape.of("http://localhost:" + this.managementPort)
			.value("claimport_consumer_dead_letters_total", "topic=\"" + Topics.PRODUCTS + "\""))
			.isGreaterThanOrEqualTo(1);
	}

	private JsonNode analytics(String account) {
		ApiClient.Response response = new ApiClient("http://localhost:" + this.port)
			.with("Authorization", TestIdentities.bearer(account, "analytics:read"))
			.get("/api/v1/analytics");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static ProductCreated product(String id, String category) {
		return new ProductCreated(id, "Name", "SKU-" + id, category, BigDecimal.TEN, 12);
	}

}

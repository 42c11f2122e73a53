package io.claimport.catalog.outbox;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.claimport.catalog.CatalogApplication;
import io.claimport.common.event.EventTypes;
import io.claimport.common.event.ProductCreated;
import io.claimport.common.event.Topics;
import io.claimport.common.id.PublicIds;
import io.claimport.infra.KafkaNode;
import io.claimport.service.outbox.DomainEventPublisher;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.PrometheusScrape;
import io.claimport.testsupport.RunningService;
import io.claimport.testsupport.TestIdentities;
import io.claimport.testsupport.TestInfrastructure;
import io.claimport.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The guarantees of the transactional outbox, observed on a running catalog-service. */
class OutboxIT {

	private static final Map<String, Object> FAST_OUTBOX = Map.of("namastack.outbox.polling.fixed.interval", "200ms",
			"namastack.outbox.retry.exponential.max-delay", "1s", "namastack.outbox.instance.heartbeat-interval", "1s",
			"namastack.outbox.instance.rebalance-interval", "1s");

	@TempDir
	Path kafkaLogs;

	@Test
	void keepsEventsWhileKafkaIsDownAndDeliversThemOnceItIsBack() {
		KafkaNode kafka = KafkaNode.start(this.kafkaLogs, 0);
		Map<String, Object> settings = new HashMap<>(FAST_OUTBOX);
		settings.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
		settings.put("claimport.outbox.metrics-refresh", "0s");
		try (RunningService catalog = RunningService.start(CatalogApplication.class, "catalog-service", settings)) {
			ApiClient api = api(catalog, PublicIds.next("acct"));
			List<String> ids = new ArrayList<>(created(api, "UP-1"));
			awaitOnTopic(kafka.bootstrapServers(), ids, Duration.ofSeconds(30));

			kafka.close();
			for (int request = 0; request < 3; request++) {
				ids.addAll(created(api, "DOWN-" + request + "-A", "DOWN-" + request + "-B"));
			}
			assertThat(pendingOutboxRecords(catalog)).isEqualTo(6);
			// what an operator's alert sees: six events waiting, the oldest for a while
			PrometheusScrape waiting = PrometheusScrape.of(catalog.managementUrl());
			assertThat(waiting.value("claimport_outbox_backlog_events")).isEqualTo(6.0);
			assertThat(waiting.value("claimport_outbox_oldest_age_seconds")).isPositive();

			kafka = kafka.startAgain();
			List<TopicReader.Received> delivered = awaitOnTopic(kafka.bootstrapServers(), ids, Duration.ofSeconds(90));
			assertThat(delivered).extracting(TopicReader.Received::key).containsAll(ids);
			await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxRecords(catalog) == 0);
			PrometheusScrape drained = PrometheusScrape.of(catalog.managementUrl());
			assertThat(drained.value("claimport_outbox_backlog_events")).isZero();
			assertThat(drained.value("claimport_outbox_oldest_age_seconds")).isZero();
		}
		finally {
			kafka.close();
		}
	}

	@Test
	void publishesWhatCommittedAndNothingOfWhatRolledBack() {
		try (RunningService catalog = RunningService.start(CatalogApplication.class, "catalog-service", FAST_OUTBOX)) {
			TransactionTemplate transaction = catalog.bean(TransactionTemplate.class);
			DomainEventPublisher events = catalog.bean(DomainEventPublisher.class);
			String rolledBack = PublicIds.next("prod");
			String committed = PublicIds.next("prod");

			transaction.executeWithoutResult((status) -> {
				events.publish(EventTypes.PRODUCT_CREATED, "acct_x", rolledBack, 0, created(rolledBack));
				status.setRollbackOnly();
			});
			transaction.executeWithoutResult(
					(status) -> events.publish(EventTypes.PRODUCT_CREATED, "acct_x", committed, 0, created(committed)));

			List<TopicReader.Received> delivered = awaitOnTopic(TestInfrastructure.kafka().bootstrapServers(),
					List.of(committed), Duration.ofSeconds(30));
			assertThat(delivered).extracting(TopicReader.Received::key).doesNotContain(rolledBack);
			assertThat(catalog.bean(JdbcClient.class)
				.sql("SELECT count(*) FROM outbox_record WHERE record_key = ?")
				.param(rolledBack)
				.query(Integer.class)
				.single()).isZero();
		}
	}

	@Test
	void twoReplicasPublishEachEventOnce() {
		try (RunningService first = RunningService.start(CatalogApplication.class, "catalog-service", FAST_OUTBOX);
				RunningService second = first.replica()) {
			JdbcClient database = first.bean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> database.sql("SELECT count(DISTINCT instance_id) FROM outbox_partition")
					.query(Integer.class)
					.single() == 2);

			String account = PublicIds.next("acct");
			List<String> ids = new ArrayList<>();
			for (int request = 0; request < 10; request++) {
				RunningService replica = (request % 2 == 0) ? first : second;
				ids.addAll(created(api(replica, account), "R" + request + "-A", "R" + request + "-B"));
			}

			awaitOnTopic(TestInfrastructure.kafka().bootstrapServers(), ids, Duration.ofSeconds(60));
			await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxRecords(first) == 0);
			try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.PRODUCTS)) {
				List<String> keys = await().atMost(Duration.ofSeconds(30))
					.until(() -> reader.records()
						.stream()
						.map(TopicReader.Received::key)
						.filter(Set.copyOf(ids)::contains)
						.toList(), (found) -> found.size() >= ids.size());
				assertThat(keys).hasSize(ids.size()).doesNotHaveDuplicates();
			}
		}
	}

	private static ApiClient api(RunningService service, String account) {
		return new ApiClient(service.baseUrl()).with("Authorization", TestIdentities.bearer(account, "full:access"));
	}

	private static List<String> created(ApiClient api, String... skus) {
		List<Map<String, Object>> products = new ArrayList<>();
		for (String sku : skus) {
			products.add(Map.of("name", "Product " + sku, "sku", sku, "category", "Outbox", "price",
					new BigDecimal("10.00"), "warrantyMonths", 12));
		}
		ApiClient.Response response = api.post("/api/v1/products", products);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		List<String> ids = new ArrayList<>();
		response.json().get("created").forEach((id) -> ids.add(id.asString()));
		return ids;
	}

	private static ProductCreated created(String productId) {
		return new ProductCreated(productId, "Probe", "PROBE-" + productId, "Outbox", BigDecimal.ONE, 1);
	}

	private static int pendingOutboxRecords(RunningService service) {
		return service.bean(JdbcClient.class).sql("SELECT count(*) FROM outbox_record").query(Integer.class).single();
	}

	/**
	 * Reads the products topic until every id has arrived; answers what was read, in
	 * topic order.
	 */
	private static List<TopicReader.Received> awaitOnTopic(String bootstrapServers, List<String> ids,
			Duration timeout) {
		try (TopicReader reader = new TopicReader(bootstrapServers, Topics.PRODUCTS)) {
			return await().atMost(timeout)
				.until(reader::records,
						(records) -> records.stream()
							.map(TopicReader.Received::key)
							.collect(java.util.stream.Collectors.toSet())
							.containsAll(ids));
		}
	}

}

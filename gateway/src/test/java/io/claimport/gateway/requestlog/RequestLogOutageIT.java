package io.claimport.gateway.requestlog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.claimport.common.event.Topics;
import io.claimport.gateway.GatewayApplication;
import io.claimport.gateway.RequestLogTopic;
import io.claimport.infra.KafkaNode;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.RunningService;
import io.claimport.testsupport.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The request log while Kafka is away: requests are answered, entries wait on disk in the
 * journal (the memory buffer only until the journal writes them), and reach Kafka once it
 * is back; a journal that fills up drops and counts.
 */
class RequestLogOutageIT {

	/** Entries waiting in memory for the journal: enough for the 20 ms it waits. */
	private static final int BUFFER = 1_000;

	private static final int REQUESTS = 40;

	@TempDir
	Path kafkaLogs;

	@Test
	void answersEveryRequestWhileKafkaIsDownAndDeliversEveryEntryOnceItIsBack() {
		Outage outage = outage(Map.of());

		assertThat(outage.journalBytesDuringOutage()).as("the entries waited on disk, not in memory").isPositive();
		assertThat(outage.dropped()).isZero();
		assertThat(outage.delivered()).containsExactlyInAnyOrderElementsOf(outage.answered());
	}

	@Test
	void aJournalThatFillsUpDropsAndCountsWhatDoesNotFitAndDeliversTheRest() {
		Outage outage = outage(Map.of("claimport.gateway.request-log.journal.max-size", "2KB"));

		assertThat(outage.dropped()).isPositive();
		assertThat(outage.delivered()).isNotEmpty();
		assertThat(outage.delivered().size() + outage.dropped()).isEqualTo(REQUESTS);
	}

	private record Outage(List<String> answered, Set<String> delivered, long dropped, double journalBytesDuringOutage) {

	}

	/**
	 * 40 requests while Kafka is stopped; then Kafka again, until nothing more arrives.
	 */
	private Outage outage(Map<String, Object> settings) {
		KafkaNode kafka = KafkaNode.start(this.kafkaLogs, 0);
		Map<String, Object> properties = new HashMap<>(settings);
		properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
		properties.put("claimport.gateway.request-log.buffer-capacity", BUFFER);
		try (RunningService gateway = RunningService.start(GatewayApplication.class, "gateway", properties)) {
			ApiClient client = new ApiClient(gateway.baseUrl());
			String warmUp = client.get("/api/v1/products").header("X-Request-Id");
			try (TopicReader reader = new TopicReader(kafka.bootstrapServers(), Topics.REQUEST_LOG)) {
				await().atMost(Duration.ofSeconds(30)).until(() -> requestIds(reader, Set.of(warmUp)).contains(warmUp));
			}

			kafka.close();
			List<String> duringOutage = new ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				ApiClient.Response response = client.get("/api/v1/products");
				assertThat(response.status()).isEqualTo(401);
				duringOutage.add(response.header("X-Request-Id"));
			}
			MeterRegistry meters = gateway.bean(MeterRegistry.class);
			// the memory buffer empties into the journal while Kafka is still away
			await().atMost(Duration.ofSeconds(10))
				.until(() -> meters.get("claimport.gateway.request_log.buffered").gauge().value() == 0);
			double journalBytes = meters.get("claimport.gateway.request_log.journal").gauge().value();

			kafka = kafka.startAgain();
			Set<String> delivered = new HashSet<>();
			try (TopicReader reader = new TopicReader(kafka.bootstrapServers(), Topics.REQUEST_LOG)) {
				await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
					delivered.addAll(requestIds(reader, Set.copyOf(duringOutage)));
					double dropped = meters.counter("claimport.gateway.request_log.dropped").count();
					assertThat(delivered.size() + (long) dropped).isEqualTo(REQUESTS);
				});
			}
			return new Outage(duringOutage, delivered,
					(long) meters.counter("claimport.gateway.request_log.dropped").count(), journalBytes);
		}
		finally {
			kafka.close();
		}
	}

	private static Set<String> requestIds(TopicReader reader, Set<String> wanted) {
		return RequestLogTopic.read(reader)
			.stream()
			.map(RequestLogTopic.Logged::requestId)
			.filter(wanted::contains)
			.collect(Collectors.toSet());
	}

}

package io.claimport.gateway.requestlog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * The request log while Kafka is away: requests are answered, entries wait in a bounded
 * buffer.
 */
class RequestLogOutageIT {

	private static final int BUFFER = 10;

	private static final int REQUESTS = 40;

	@TempDir
	Path kafkaLogs;

	@Test
	void answersEveryRequestWhileKafkaIsDownAndDeliversOrCountsEveryEntry() {
		KafkaNode kafka = KafkaNode.start(this.kafkaLogs, 0);
		try (RunningService gateway = RunningService.start(GatewayApplication.class, "gateway",
				Map.of("spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
						"claimport.gateway.request-log.buffer-capacity", BUFFER))) {
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
			double dropped = meters.counter("claimport.gateway.request_log.dropped").count();
			// held at most: a full buffer plus the one batch the sender took out of it
			assertThat(dropped).isGreaterThanOrEqualTo(REQUESTS - 2 * BUFFER);

			kafka = kafka.startAgain();
			try (TopicReader reader = new TopicReader(kafka.bootstrapServers(), Topics.REQUEST_LOG)) {
				await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
					Set<String> delivered = requestIds(reader, Set.copyOf(duringOutage));
					double droppedNow = meters.counter("claimport.gateway.request_log.dropped").count();
					assertThat(delivered).isNotEmpty();
					assertThat(delivered.size() + (long) droppedNow).isEqualTo(REQUESTS);
				});
			}
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

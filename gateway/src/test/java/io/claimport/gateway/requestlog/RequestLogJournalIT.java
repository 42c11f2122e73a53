package io.claimport.gateway.requestlog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.claimport.common.event.RequestLogged;
import io.claimport.common.event.Topics;
import io.claimport.gateway.GatewayProperties;
import io.claimport.infra.FreePorts;
import io.claimport.infra.KafkaNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The request log while Kafka is away: entries wait on disk and reach Kafka, in order and
 * all of them, once a broker listens; and a gateway stopped meanwhile sends them after
 * its restart. A real broker, started late on the port the gateway was told.
 */
class RequestLogJournalIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path journal;

	@TempDir
	Path kafkaData;

	@Test
	void whileKafkaIsAwayEntriesWaitOnDiskAndEveryOneArrivesInOrderOnceItIsBackAlsoAfterARestart() throws Exception {
		int port = FreePorts.find();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		RequestLogPublisher first = publisher(port, meters);
		first.start();
		for (int n = 0; n < 1500; n++) {
			first.publish(entry(n));
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> meters.get("claimport.gateway.request_log.journal").gauge().value() > 0
					&& meters.get("claimport.gateway.request_log.buffered").gauge().value() == 0);
		assertThat(meters.get("claimport.gateway.request_log.dropped").counter().count()).isZero();
		stopWithin(first, Duration.ofSeconds(40));

		RequestLogPublisher second = publisher(port, new SimpleMeterRegistry());
		second.start();
		for (int n = 1500; n < 2000; n++) {
			second.publish(entry(n));
		}
		try (KafkaNode kafka = KafkaNode.start(this.kafkaData, port)) {
			createTopic(kafka);
			List<String> arrived = readRequestIds(kafka, 2000);

			assertThat(arrived).hasSize(2000).doesNotHaveDuplicates();
			// an account's batches share a partition, so its entries arrive in order;
			// unidentified callers' batches have no key and spread over the partitions
			for (String account : List.of("acct_a", "acct_b")) {
				assertThat(arrived.stream().filter((id) -> accountOf(number(id)).equals(account)).toList())
					.as("one account's entries in the order they were answered")
					.containsExactlyElementsOf(requestIds(account));
			}
			assertThat(arrived.stream().filter((id) -> accountOf(number(id)).equals("-")).toList())
				.containsExactlyInAnyOrderElementsOf(requestIds("-"));
			second.stop();
		}
	}

	private RequestLogPublisher publisher(int kafkaPort, SimpleMeterRegistry meters) {
		Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000,
				ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, ProducerConfig.LINGER_MS_CONFIG, 0);
		KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
		GatewayProperties properties = new GatewayProperties(null, null,
				new GatewayProperties.RequestLog(10_000, List.of(), new GatewayProperties.Journal(
						this.journal.toString(), DataSize.ofMegabytes(16), GatewayProperties.Durability.BUFFERED)),
				null, null, null, null, null, null);
		return new RequestLogPublisher(kafka, JSON, Clock.systemUTC(), properties, meters);
	}

	/**
	 * The publisher gives up sending after its send timeout; its entries stay on disk.
	 */
	private static void stopWithin(RequestLogPublisher publisher, Duration limit) {
		Instant deadline = Instant.now().plus(limit);
		publisher.stop();
		assertThat(Instant.now()).isBefore(deadline);
	}

	private static int number(String requestId) {
		return Integer.parseInt(requestId.substring("req_".length()));
	}

	/** The request ids of the account's entries, in the order they were published. */
	private static List<String> requestIds(String account) {
		List<String> ids = new ArrayList<>();
		for (int n = 0; n < 2000; n++) {
			if (accountOf(n).equals(account)) {
				ids.add("req_" + n);
			}
		}
		return ids;
	}

	private static String accountOf(int n) {
		return switch (n % 3) {
			case 0 -> "acct_a";
			case 1 -> "acct_b";
			default -> "-";
		};
	}

	private static RequestLogged entry(int n) {
		String account = accountOf(n);
		return new RequestLogged("req_" + n, account.equals("-") ? null : account, null, "GET", "/api/v1/products", 200,
				3, "127.0.0.1", "test", Instant.now(), null);
	}

	private static void createTopic(KafkaNode kafka) throws Exception {
		Properties admin = new Properties();
		admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
		try (Admin client = Admin.create(admin)) {
			client.createTopics(List.of(new NewTopic(Topics.REQUEST_LOG, 3, (short) 1))).all().get();
		}
	}

	private static List<String> readRequestIds(KafkaNode kafka, int expected) {
		Properties consumer = new Properties();
		consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "journal-it-" + UUID.randomUUID());
		consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<String> ids = new ArrayList<>();
		try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumer)) {
			reader.subscribe(List.of(Topics.REQUEST_LOG));
			await().atMost(Duration.ofSeconds(90)).until(() -> {
				for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
					JsonNode batch = JSON.readTree(record.value());
					batch.get("requests").forEach((request) -> ids.add(request.get("requestId").asString()));
				}
				return ids.size() >= expected;
			});
		}
		return ids;
	}

}

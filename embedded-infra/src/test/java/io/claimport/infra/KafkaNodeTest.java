package io.claimport.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaNodeTest {

	@TempDir
	Path logDirectory;

	@Test
	void keepsTopicsAndRecordsAcrossARestart() throws Exception {
		KafkaNode node = KafkaNode.start(this.logDirectory, 0);
		try {
			try (Admin admin = Admin
				.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, node.bootstrapServers()))) {
				admin.createTopics(List.of(new NewTopic("survivor", 1, (short) 1))).all().get();
			}
			try (KafkaProducer<String, String> producer = producer(node)) {
				producer.send(new ProducerRecord<>("survivor", "k", "before restart")).get();
			}
			node.close();
			node = node.startAgain();

			try (KafkaConsumer<String, String> consumer = consumer(node)) {
				consumer.subscribe(List.of("survivor"));
				ConsumerRecords<String, String> records = ConsumerRecords.empty();
				for (int polls = 0; records.isEmpty() && polls < 30; polls++) {
					records = consumer.poll(Duration.ofSeconds(1));
				}
				assertThat(records).extracting(r -> r.value()).containsExactly("before restart");
			}
		}
		finally {
			node.close();
		}
	}

	private static KafkaProducer<String, String> producer(KafkaNode node) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, node.bootstrapServers());
		return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
	}

	private static KafkaConsumer<String, String> consumer(KafkaNode node) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, node.bootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-check");
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
	}

}

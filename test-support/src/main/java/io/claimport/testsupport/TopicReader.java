package io.claimport.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every record of a topic from its beginning, as an outside consumer of our events
 * would.
 */
public final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final List<Received> received = new ArrayList<>();

	public TopicReader(String bootstrapServers, String topic) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/** Everything read so far, after one more short poll. */
	public List<Received> records() {
		this.consumer.poll(Duration.ofMillis(200)).forEach((record) -> this.received.add(Received.of(record)));
		return List.copyOf(this.received);
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	public record Received(String key, String value, Map<String, String> headers) {

		static Received of(ConsumerRecord<String, String> record) {
			Map<String, String> headers = new HashMap<>();
			for (Header header : record.headers()) {
				headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
			}
			return new Received(record.key(), record.value(), headers);
		}

	}

}

package io.claimport.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.claimport.common.event.EventEnvelope;
import io.claimport.common.event.EventType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Puts events on the test Kafka broker the way the services' outbox relay does. */
public final class TestEvents implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaProducer<String, String> producer;

	public TestEvents() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
		this.producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
	}

	/**
	 * Sends a new event and answers its envelope, for sending it again as a redelivery
	 * would.
	 */
	public <T> EventEnvelope send(EventType<T> type, String accountId, String aggregateId, T payload) {
		EventEnvelope envelope = EventEnvelope.create(type, "test", accountId, aggregateId, 0, Instant.now());
		send(type, envelope, payload);
		return envelope;
	}

	public <T> void send(EventType<T> type, EventEnvelope envelope, T payload) {
		send(type, envelope, payload, Map.of());
	}

	/** An event with more headers than its envelope's, e.g. a W3C {@code traceparent}. */
	public <T> void send(EventType<T> type, EventEnvelope envelope, T payload, Map<String, String> moreHeaders) {
		Map<String, String> headers = new LinkedHashMap<>(envelope.toHeaders());
		headers.putAll(moreHeaders);
		sendRaw(type.topic(), envelope.aggregateId(), JSON.writeValueAsString(payload), headers);
	}

	public void sendRaw(String topic, String key, String value, Map<String, String> headers) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
		headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
		try {
			this.producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not send a test event", ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}

package io.claimport.service.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.claimport.common.event.CloudEventHeaders;
import io.claimport.common.event.EventEnvelope;
import io.claimport.common.event.EventType;
import io.claimport.common.event.EventTypes;
import io.namastack.outbox.handler.OutboxHandler;
import io.namastack.outbox.handler.OutboxRecordMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends outbox records to Kafka and returns only once the broker has acknowledged them,
 * so a record is marked done only when it is safely on Kafka. While Kafka is down the
 * send fails and the outbox retries the record later; later records of the same aggregate
 * wait behind it.
 */
public class KafkaEventRelay implements OutboxHandler {

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final Duration sendTimeout;

	private final OutboxTracing tracing;

	public KafkaEventRelay(KafkaTemplate<String, String> kafka, JsonMapper json, Duration sendTimeout) {
		this(kafka, json, sendTimeout, OutboxTracing.none());
	}

	KafkaEventRelay(KafkaTemplate<String, String> kafka, JsonMapper json, Duration sendTimeout, OutboxTracing tracing) {
		this.kafka = kafka;
		this.json = json;
		this.sendTimeout = sendTimeout;
		this.tracing = tracing;
	}

	@Override
	public void handle(Object payload, OutboxRecordMetadata metadata) {
		EventEnvelope envelope = EventEnvelope.fromHeaders(metadata.getContext());
		EventType<?> type = EventTypes.byName(envelope.type())
			.orElseThrow(() -> new IllegalStateException("event type not in the catalog: " + envelope.type()));
		ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), metadata.getKey(),
				this.json.writeValueAsString(payload));
		envelope.toHeaders()
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		String traceParent = metadata.getContext().get(OutboxTracing.TRACE_PARENT);
		if (traceParent != null) {
			record.headers().add(CloudEventHeaders.TRACE_PARENT, traceParent.getBytes(StandardCharsets.UTF_8));
		}
		// the send continues the committing request's trace; Kafka's traceparent header
		// is the sending span's, for the consumers
		this.tracing.continued(metadata.getContext(), "outbox relay " + envelope.type(), () -> {
			send(record, envelope);
			return null;
		});
	}

	private void send(ProducerRecord<String, String> record, EventEnvelope envelope) {
		try {
			this.kafka.send(record).get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while sending " + envelope.eventId(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(
					"Kafka did not acknowledge " + envelope.type() + " event " + envelope.eventId(), ex);
		}
	}

}

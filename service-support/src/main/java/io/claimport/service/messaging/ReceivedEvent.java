package io.claimport.service.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.claimport.common.event.EventEnvelope;
import io.claimport.common.event.EventType;
import io.claimport.common.event.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event read from Kafka: its envelope from the CloudEvents headers and its typed
 * payload.
 */
public record ReceivedEvent(EventEnvelope envelope, Object payload) {

	/**
	 * Reads a record; empty for event types this version does not know, so that producers
	 * can add types before consumers learn them.
	 * @throws IllegalArgumentException for a record that is not a readable event: it can
	 * never succeed, so it goes straight to the dead-letter topic
	 */
	public static Optional<ReceivedEvent> read(ConsumerRecord<String, String> record, JsonMapper json) {
		Map<String, String> headers = new HashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		EventEnvelope envelope = EventEnvelope.fromHeaders(headers);
		Optional<EventType<?>> type = EventTypes.byName(envelope.type());
		if (type.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new ReceivedEvent(envelope, json.readValue(record.value(), type.get().payloadType())));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("event " + envelope.eventId() + " has an unreadable payload", ex);
		}
	}

}

package io.claimport.common.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What every event carries besides its payload. On Kafka it travels as headers of the
 * CloudEvents Kafka protocol binding (binary mode), so any Kafka client can read it.
 */
public record EventEnvelope(UUID eventId, String type, int schemaVersion, Instant occurredAt, String source,
		String accountId, String aggregateType, String aggregateId, long aggregateVersion) {

	public EventEnvelope {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(aggregateType, "aggregateType");
		Objects.requireNonNull(aggregateId, "aggregateId");
	}

	/** A fresh envelope for an event about to be recorded. */
	public static EventEnvelope create(EventType<?> type, String source, String accountId, String aggregateId,
			long aggregateVersion, Instant occurredAt) {
		return new EventEnvelope(UUID.randomUUID(), type.name(), type.schemaVersion(), occurredAt, source, accountId,
				type.aggregateType(), aggregateId, aggregateVersion);
	}

	public Map<String, String> toHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
		headers.put(CloudEventHeaders.ID, this.eventId.toString());
		headers.put(CloudEventHeaders.TYPE, this.type);
		headers.put(CloudEventHeaders.SOURCE, this.source);
		headers.put(CloudEventHeaders.TIME, this.occurredAt.toString());
		headers.put(CloudEventHeaders.SUBJECT, this.aggregateId);
		headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
		headers.put(CloudEventHeaders.SCHEMA_VERSION, String.valueOf(this.schemaVersion));
		if (this.accountId != null) {
			headers.put(CloudEventHeaders.ACCOUNT_ID, this.accountId);
		}
		headers.put(CloudEventHeaders.AGGREGATE_TYPE, this.aggregateType);
		headers.put(CloudEventHeaders.AGGREGATE_VERSION, String.valueOf(this.aggregateVersion));
		return headers;
	}

	/**
	 * Reads an envelope back from Kafka headers.
	 * @throws IllegalArgumentException when a required attribute is missing or malformed
	 */
	public static EventEnvelope fromHeaders(Map<String, String> headers) {
		try {
			return new EventEnvelope(UUID.fromString(required(headers, CloudEventHeaders.ID)),
					required(headers, CloudEventHeaders.TYPE),
					Integer.parseInt(headers.getOrDefault(CloudEventHeaders.SCHEMA_VERSION, "1")),
					Instant.parse(required(headers, CloudEventHeaders.TIME)),
					required(headers, CloudEventHeaders.SOURCE), headers.get(CloudEventHeaders.ACCOUNT_ID),
					required(headers, CloudEventHeaders.AGGREGATE_TYPE), required(headers, CloudEventHeaders.SUBJECT),
					Long.parseLong(headers.getOrDefault(CloudEventHeaders.AGGREGATE_VERSION, "0")));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a ClaimPort event envelope: " + ex.getMessage(), ex);
		}
	}

	private static String required(Map<String, String> headers, String name) {
		String value = headers.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("missing header " + name);
		}
		return value;
	}

}

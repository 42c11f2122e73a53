package io.claimport.gateway.requestlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.claimport.common.event.EventEnvelope;
import io.claimport.common.event.EventType;
import io.claimport.common.event.EventTypes;
import io.claimport.common.event.RequestBatchLogged;
import io.claimport.common.event.RequestLogged;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns request-log entries into Kafka records: one {@link RequestBatchLogged} event per
 * account, keyed by the account so that its log reads in order, and one for the requests
 * whose caller is unknown. A record holds at most {@link #MAX_RECORD_CHARS} characters of
 * JSON, well below Kafka's 1 MiB default limit even for non-ASCII text; more entries make
 * more records.
 */
final class RequestLogRecords {

	static final int MAX_RECORD_CHARS = 256 * 1024;

	private static final EventType<RequestBatchLogged> TYPE = EventTypes.REQUEST_BATCH_LOGGED;

	private static final String SOURCE = "gateway";

	private static final String OPENING = "{\"requests\":[";

	private static final String CLOSING = "]}";

	private final JsonMapper json;

	RequestLogRecords(JsonMapper json) {
		this.json = json;
	}

	/** The records for these entries, in the entries' order within each account. */
	List<ProducerRecord<String, String>> of(List<RequestLogged> entries, Instant now) {
		return ofSerialized(entries.stream()
			.map((entry) -> new RequestLogJournal.Entry(entry.accountId(), this.json.writeValueAsString(entry)))
			.toList(), now);
	}

	/** The records for entries already in JSON, as the journal keeps them. */
	List<ProducerRecord<String, String>> ofSerialized(List<RequestLogJournal.Entry> entries, Instant now) {
		Map<String, List<String>> byAccount = new LinkedHashMap<>();
		for (RequestLogJournal.Entry entry : entries) {
			byAccount.computeIfAbsent(entry.accountId(), (account) -> new ArrayList<>()).add(entry.json());
		}
		List<ProducerRecord<String, String>> records = new ArrayList<>();
		byAccount.forEach((accountId, serialized) -> {
			StringBuilder payload = new StringBuilder(OPENING);
			for (String entry : serialized) {
				boolean empty = payload.length() == OPENING.length();
				if (!empty && payload.length() + 1 + entry.length() + CLOSING.length() > MAX_RECORD_CHARS) {
					records.add(record(accountId, payload.append(CLOSING).toString(), now));
					payload.setLength(OPENING.length());
					empty = true;
				}
				payload.append(empty ? "" : ",").append(entry);
			}
			records.add(record(accountId, payload.append(CLOSING).toString(), now));
		});
		return records;
	}

	private static ProducerRecord<String, String> record(String accountId, String payload, Instant now) {
		// sent again after a failure, a record keeps its event id, so consumers count it
		// once
		UUID eventId = UUID.randomUUID();
		String subject = (accountId != null) ? accountId : eventId.toString();
		EventEnvelope envelope = new EventEnvelope(eventId, TYPE.name(), TYPE.schemaVersion(), now, SOURCE, accountId,
				TYPE.aggregateType(), subject, 0);
		ProducerRecord<String, String> record = new ProducerRecord<>(TYPE.topic(), accountId, payload);
		envelope.toHeaders()
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

}

package io.claimport.gateway.requestlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.claimport.common.event.EventEnvelope;
import io.claimport.common.event.RequestBatchLogged;
import io.claimport.common.event.RequestLogged;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogRecordsTest {

	static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	final JsonMapper json = JsonMapper.builder().build();

	final RequestLogRecords records = new RequestLogRecords(this.json);

	@Test
	void sendsEachAccountsRequestsTogetherInOrderKeyedByTheAccount() {
		RequestLogged first = entry("acct_a", "/api/v1/products");
		RequestLogged unidentified = entry(null, "/api/v1/orders");
		RequestLogged other = entry("acct_b", "/api/v1/claims");
		RequestLogged second = entry("acct_a", "/api/v1/orders");

		List<ProducerRecord<String, String>> sent = this.records.of(List.of(first, unidentified, other, second), NOW);

		assertThat(sent).hasSize(3);
		assertThat(sent.get(0).key()).isEqualTo("acct_a");
		assertThat(requests(sent.get(0))).containsExactly(first, second);
		assertThat(sent.get(1).key()).isNull();
		assertThat(requests(sent.get(1))).containsExactly(unidentified);
		assertThat(requests(sent.get(2))).containsExactly(other);
		EventEnvelope envelope = envelope(sent.get(0));
		assertThat(envelope.type()).isEqualTo("RequestBatchLogged");
		assertThat(envelope.accountId()).isEqualTo("acct_a");
		assertThat(envelope.occurredAt()).isEqualTo(NOW);
		assertThat(envelope(sent.get(1)).accountId()).isNull();
		assertThat(envelope(sent.get(1)).eventId()).isNotEqualTo(envelope.eventId());
	}

	@Test
	void splitsAnAccountsRequestsIntoRecordsOfAtMostTheLimitLosingNone() {
		List<RequestLogged> entries = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			entries.add(entry("acct_a", "/api/v1/products/" + "x".repeat(1500) + i));
		}

		List<ProducerRecord<String, String>> sent = this.records.of(entries, NOW);

		assertThat(sent).hasSizeGreaterThan(2);
		assertThat(sent).allSatisfy((record) -> {
			assertThat(record.value().length()).isLessThanOrEqualTo(RequestLogRecords.MAX_RECORD_CHARS);
			assertThat(record.key()).isEqualTo("acct_a");
		});
		assertThat(sent.stream().flatMap((record) -> requests(record).stream()).toList())
			.containsExactlyElementsOf(entries);
	}

	private List<RequestLogged> requests(ProducerRecord<String, String> record) {
		return this.json.readValue(record.value(), RequestBatchLogged.class).requests();
	}

	private static EventEnvelope envelope(ProducerRecord<String, String> record) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		return EventEnvelope.fromHeaders(headers);
	}

	private static RequestLogged entry(String account, String path) {
		return new RequestLogged(UUID.randomUUID().toString(), account, (account != null) ? "key_1" : null, "GET", path,
				(account != null) ? 200 : 401, 3, "203.0.113.7", "curl/8.5", NOW.minusSeconds(1),
				(account != null) ? null : "missing_api_key");
	}

}

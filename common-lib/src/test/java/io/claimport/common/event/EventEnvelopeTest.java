package io.claimport.common.event;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventEnvelopeTest {

	@Test
	void travelsAsCloudEventsKafkaHeadersAndComesBackUnchanged() {
		EventEnvelope envelope = EventEnvelope.create(EventTypes.PRODUCT_CREATED, "catalog-service", "acct_1", "prod_1",
				3, Instant.parse("2026-11-23T10:15:30.123Z"));

		Map<String, String> headers = envelope.toHeaders();

		assertThat(headers).containsEntry("ce_specversion", "1.0")
			.containsEntry("ce_id", envelope.eventId().toString())
			.containsEntry("ce_type", "ProductCreated")
			.containsEntry("ce_source", "catalog-service")
			.containsEntry("ce_time", "2026-11-23T10:15:30.123Z")
			.containsEntry("ce_subject", "prod_1")
			.containsEntry("ce_accountid", "acct_1")
			.containsEntry("ce_aggregatetype", "Product")
			.containsEntry("ce_aggregateversion", "3")
			.containsEntry("content-type", "application/json");
		assertThat(EventEnvelope.fromHeaders(headers)).isEqualTo(envelope);
	}

	@Test
	void rejectsHeadersWithoutAnEventId() {
		Map<String, String> headers = new HashMap<>(
				EventEnvelope.create(EventTypes.ORDER_CREATED, "order-service", "acct_1", "ord_1", 0, Instant.now())
					.toHeaders());
		headers.remove("ce_id");

		assertThatIllegalArgumentException().isThrownBy(() -> EventEnvelope.fromHeaders(headers))
			.withMessageContaining("ce_id");
	}

	@Test
	void catalogFindsEachEventByNameOnItsTopic() {
		for (EventType<?> type : EventTypes.ALL) {
			assertThat(EventTypes.byName(type.name())).contains(type);
			assertThat(Topics.ALL).contains(type.topic());
		}
	}

}

package io.claimport.service.messaging;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which events a consumer has applied, in the consumer's own database and
 * transaction: a redelivered event finds its id already there and is skipped, and if the
 * projection change rolls back, so does the record of having seen the event. Needs the
 * {@code processed_event} table (see the consuming services' migrations).
 */
public class ProcessedEventLedger {

	private final JdbcClient jdbc;

	public ProcessedEventLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** True the first time this consumer sees the event; false for every redelivery. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(String consumer, UUID eventId) {
		return this.jdbc.sql("""
				INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (:consumer, :eventId, now())
				ON CONFLICT DO NOTHING
				""").param("consumer", consumer).param("eventId", eventId).update() == 1;
	}

}

package io.claimport.service.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.claimport.common.event.EventEnvelope;
import io.claimport.common.event.EventType;
import io.claimport.common.event.EventTypes;
import io.namastack.outbox.Outbox;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a domain event in the transactional outbox, inside the caller's transaction:
 * the event exists exactly when the change it describes was committed.
 * {@link KafkaEventRelay} sends it on.
 */
public class DomainEventPublisher {

	private final Outbox outbox;

	private final String source;

	private final Clock clock;

	private final OutboxTracing tracing;

	private final OutboxStatistics statistics;

	public DomainEventPublisher(Outbox outbox, String source, Clock clock) {
		this(outbox, source, clock, OutboxTracing.none(), null);
	}

	DomainEventPublisher(Outbox outbox, String source, Clock clock, OutboxTracing tracing,
			OutboxStatistics statistics) {
		this.outbox = outbox;
		this.source = source;
		this.clock = clock;
		this.tracing = tracing;
		this.statistics = statistics;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public <T> EventEnvelope publish(EventType<T> type, String accountId, String aggregateId, long aggregateVersion,
			T payload) {
		EventEnvelope envelope = EventEnvelope.create(type, this.source, accountId, aggregateId, aggregateVersion,
				this.clock.instant());
		// the record key keeps one aggregate's events in order, in the outbox and on
		// Kafka; the request's trace context travels with the record
		Map<String, String> context = envelope.toHeaders();
		context.putAll(this.tracing.current());
		this.outbox.schedule(payload, aggregateId, context);
		if (this.statistics != null) {
			this.statistics.recorded();
		}
		return envelope;
	}

	/**
	 * Records the events one change of an aggregate caused, in the order given; they
	 * share the aggregate's version after the change.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void publishAll(String accountId, String aggregateId, long aggregateVersion, List<?> payloads) {
		for (Object payload : payloads) {
			publish(EventTypes.of(payload), accountId, aggregateId, aggregateVersion, payload);
		}
	}

}

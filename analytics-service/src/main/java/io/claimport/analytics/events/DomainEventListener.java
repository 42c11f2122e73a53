package io.claimport.analytics.events;

import io.claimport.analytics.metric.internal.FactProjection;
import io.claimport.analytics.statistics.internal.Statistics;
import io.claimport.common.event.Topics;
import io.claimport.service.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes the domain events to each projection of the analytics service: the counters of
 * the statistics and the facts of the metrics, each applying an event once.
 */
@Component
class DomainEventListener {

	private final Statistics statistics;

	private final FactProjection facts;

	private final JsonMapper json;

	DomainEventListener(Statistics statistics, FactProjection facts, JsonMapper json) {
		this.statistics = statistics;
		this.facts = facts;
		this.json = json;
	}

	@KafkaListener(topics = { Topics.PRODUCTS, Topics.ORDERS, Topics.CLAIMS })
	void on(ConsumerRecord<String, String> record) {
		ReceivedEvent.read(record, this.json).ifPresent((event) -> {
			this.statistics.apply(event);
			this.facts.apply(event);
		});
	}

}

package io.claimport.analytics.statistics.internal;

import io.claimport.common.event.Topics;
import io.claimport.service.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class DomainEventListener {

	private final Statistics statistics;

	private final JsonMapper json;

	DomainEventListener(Statistics statistics, JsonMapper json) {
		this.statistics = statistics;
		this.json = json;
	}

	@KafkaListener(topics = { Topics.PRODUCTS, Topics.ORDERS, Topics.CLAIMS })
	void on(ConsumerRecord<String, String> record) {
		ReceivedEvent.read(record, this.json).ifPresent(this.statistics::apply);
	}

}

package io.claimport.claims.purchase.internal;

import io.claimport.common.event.Topics;
import io.claimport.service.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class PurchaseListener {

	private final PurchaseProjection projection;

	private final JsonMapper json;

	PurchaseListener(PurchaseProjection projection, JsonMapper json) {
		this.projection = projection;
		this.json = json;
	}

	@KafkaListener(topics = { Topics.ORDERS, Topics.PRODUCTS })
	void on(ConsumerRecord<String, String> record) {
		ReceivedEvent.read(record, this.json).ifPresent(this.projection::apply);
	}

}

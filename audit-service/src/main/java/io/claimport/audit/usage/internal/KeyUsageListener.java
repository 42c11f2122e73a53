package io.claimport.audit.usage.internal;

import io.claimport.common.event.Topics;
import io.claimport.service.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Its own consumer group: the usage roll-up keeps its own place in the request log. */
@Component
class KeyUsageListener {

	private final KeyUsage usage;

	private final JsonMapper json;

	KeyUsageListener(KeyUsage usage, JsonMapper json) {
		this.usage = usage;
		this.json = json;
	}

	@KafkaListener(topics = Topics.REQUEST_LOG, groupId = "audit-key-usage")
	void on(ConsumerRecord<String, String> record) {
		ReceivedEvent.read(record, this.json).ifPresent(this.usage::record);
	}

}

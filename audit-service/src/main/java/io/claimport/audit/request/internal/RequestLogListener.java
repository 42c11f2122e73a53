package io.claimport.audit.request.internal;

import io.claimport.common.event.Topics;
import io.claimport.service.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class RequestLogListener {

	private final RequestLog requestLog;

	private final JsonMapper json;

	RequestLogListener(RequestLog requestLog, JsonMapper json) {
		this.requestLog = requestLog;
		this.json = json;
	}

	@KafkaListener(topics = Topics.REQUEST_LOG)
	void on(ConsumerRecord<String, String> record) {
		ReceivedEvent.read(record, this.json).ifPresent(this.requestLog::record);
	}

}

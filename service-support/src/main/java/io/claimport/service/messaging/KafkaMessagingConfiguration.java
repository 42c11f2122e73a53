package io.claimport.service.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.claimport.common.event.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * One error policy for every listener: a few retries a short while apart, then the record
 * goes to its topic's dead-letter topic and the partition moves on. Topics are declared
 * here, each with its dead-letter topic and the settings {@link Topics} gives them, so
 * the broker never needs to create topics on its own; a topic made before with other
 * settings is given these ({@code spring.kafka.admin.modify-topic-configs}).
 */
@AutoConfiguration
public class KafkaMessagingConfiguration {

	@Bean
	KafkaAdmin.NewTopics claimportTopics(@Value("${claimport.kafka.partitions:3}") int partitions,
			@Value("${claimport.kafka.replication-factor:1}") short replicationFactor) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : Topics.ALL) {
			for (String name : List.of(topic, Topics.deadLetter(topic))) {
				topics.add(TopicBuilder.name(name)
					.partitions(partitions)
					.replicas(replicationFactor)
					.configs(Topics.settingsOf(name))
					.build());
			}
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka, MeterRegistry meters,
			@Value("${claimport.kafka.consumer.retries:3}") long retries,
			@Value("${claimport.kafka.consumer.retry-interval:500ms}") Duration retryInterval) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
		// claimport.consumer.dead_letters{topic}: records a consumer gave up on,
		// for an alert
		DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
			deadLetters.accept(record, exception);
			Counter.builder("claimport.consumer.dead_letters")
				.description("Records set aside on their topic's dead-letter topic")
				.tag("topic", record.topic())
				.register(meters)
				.increment();
		}, new FixedBackOff(retryInterval.toMillis(), retries));
		handler.addNotRetryableExceptions(IllegalArgumentException.class);
		handler.setLogLevel(KafkaException.Level.WARN);
		return handler;
	}

	@Bean
	ProcessedEventLedger processedEventLedger(JdbcClient jdbc, MeterRegistry meters, Clock clock) {
		return new ProcessedEventLedger(jdbc, meters, clock);
	}

}

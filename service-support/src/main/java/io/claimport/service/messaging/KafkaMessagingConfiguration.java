package io.claimport.service.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.claimport.common.event.Topics;
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
 * here, each with its dead-letter topic, so the broker never needs to create topics on
 * its own.
 */
@AutoConfiguration
public class KafkaMessagingConfiguration {

	@Bean
	KafkaAdmin.NewTopics claimportTopics(@Value("${claimport.kafka.partitions:3}") int partitions,
			@Value("${claimport.kafka.replication-factor:1}") short replicationFactor) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : Topics.ALL) {
			topics.add(TopicBuilder.name(topic).partitions(partitions).replicas(replicationFactor).build());
			topics.add(TopicBuilder.name(Topics.deadLetter(topic))
				.partitions(partitions)
				.replicas(replicationFactor)
				.build());
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka,
			@Value("${claimport.kafka.consumer.retries:3}") long retries,
			@Value("${claimport.kafka.consumer.retry-interval:500ms}") Duration retryInterval) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters,
				new FixedBackOff(retryInterval.toMillis(), retries));
		handler.addNotRetryableExceptions(IllegalArgumentException.class);
		handler.setLogLevel(KafkaException.Level.WARN);
		return handler;
	}

	@Bean
	ProcessedEventLedger processedEventLedger(JdbcClient jdbc) {
		return new ProcessedEventLedger(jdbc);
	}

}

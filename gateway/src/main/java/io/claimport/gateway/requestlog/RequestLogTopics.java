package io.claimport.gateway.requestlog;

import io.claimport.common.event.Topics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The gateway declares the topic it writes, with its dead-letter topic, like every
 * producer.
 */
@Configuration(proxyBeanMethods = false)
class RequestLogTopics {

	@Bean
	KafkaAdmin.NewTopics requestLogTopicDeclarations(@Value("${claimport.kafka.partitions:3}") int partitions,
			@Value("${claimport.kafka.replication-factor:1}") short replicationFactor) {
		return new KafkaAdmin.NewTopics(
				TopicBuilder.name(Topics.REQUEST_LOG)
					.partitions(partitions)
					.replicas(replicationFactor)
					.configs(Topics.settingsOf(Topics.REQUEST_LOG))
					.build(),
				TopicBuilder.name(Topics.deadLetter(Topics.REQUEST_LOG))
					.partitions(partitions)
					.replicas(replicationFactor)
					.configs(Topics.settingsOf(Topics.deadLetter(Topics.REQUEST_LOG)))
					.build());
	}

}

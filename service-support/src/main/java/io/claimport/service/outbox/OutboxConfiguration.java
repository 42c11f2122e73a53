package io.claimport.service.outbox;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.namastack.outbox.Outbox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox of a service that publishes events. Services that only consume switch it off
 * with {@code namastack.outbox.enabled=false}.
 */
@AutoConfiguration(beforeName = { "io.namastack.outbox.config.OutboxCoreInfrastructureAutoConfiguration",
		"io.namastack.outbox.config.JdbcOutboxAutoConfiguration" })
public class OutboxConfiguration {

	/** One clock for the service and its outbox (Namastack takes it for record times). */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return new MonotonicClock();
	}

	@Bean
	@ConditionalOnProperty(name = "namastack.outbox.enabled", matchIfMissing = true)
	DomainEventPublisher domainEventPublisher(Outbox outbox, @Value("${spring.application.name}") String source,
			Clock clock, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
			OutboxStatistics statistics) {
		return new DomainEventPublisher(outbox, source, clock, tracing(tracer, propagator), statistics);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "namastack.outbox.enabled", matchIfMissing = true)
	OutboxStatistics outboxStatistics(JdbcClient jdbc) {
		return new OutboxStatistics(jdbc);
	}

	@Bean
	@ConditionalOnProperty(name = "namastack.outbox.enabled", matchIfMissing = true)
	OutboxMetrics outboxMetrics(JdbcClient jdbc, Clock clock,
			@Value("${claimport.outbox.metrics-refresh:5s}") Duration refresh) {
		return new OutboxMetrics(jdbc, clock, refresh);
	}

	@Bean
	@ConditionalOnProperty(name = "namastack.outbox.enabled", matchIfMissing = true)
	KafkaEventRelay kafkaEventRelay(KafkaTemplate<String, String> kafka, JsonMapper json,
			@Value("${claimport.outbox.send-timeout:10s}") Duration sendTimeout, ObjectProvider<Tracer> tracer,
			ObjectProvider<Propagator> propagator) {
		return new KafkaEventRelay(kafka, json, sendTimeout, tracing(tracer, propagator));
	}

	private static OutboxTracing tracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		Tracer available = tracer.getIfAvailable();
		Propagator propagation = propagator.getIfAvailable();
		return (available == null || propagation == null) ? OutboxTracing.none()
				: new OutboxTracing(available, propagation);
	}

}

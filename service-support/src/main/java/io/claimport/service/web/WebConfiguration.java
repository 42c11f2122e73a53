package io.claimport.service.web;

import java.time.Duration;
import java.util.Arrays;

import io.claimport.common.http.ConnectionDrain;
import io.claimport.service.bulk.BulkValidator;
import jakarta.validation.Validator;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How every service reads requests and answers errors: problem+json for all of them,
 * including those Tomcat refuses on its own and the error page; JSON read strictly (a key
 * given twice, or a fraction for a whole number, is refused rather than silently
 * resolved); texts and query parameters checked by {@link TextRules}.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@Import({ ApiProblems.class, ProblemErrorController.class, StrictJsonBodies.class })
public class WebConfiguration {

	@Bean
	BulkValidator bulkValidator(Validator validator) {
		return new BulkValidator(validator);
	}

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
	}

	/**
	 * Request bodies are read strictly: a field the body does not have is refused (400
	 * {@code unknownField}, naming it and the one probably meant), never ignored. Only
	 * for HTTP: events and stored JSON are read with the application's mapper, which
	 * skips fields a newer producer added. It takes the place of Spring Boot's JSON
	 * converter (its customizer runs last), not a place in front of the others: a
	 * converter bean would go first and write every {@code String} and {@code byte[]}
	 * answer as a JSON string.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ServerHttpMessageConvertersCustomizer strictJsonBodies(JsonMapper json) {
		JacksonJsonHttpMessageConverter strict = new JacksonJsonHttpMessageConverter(
				json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
		return (converters) -> converters.withJsonConverter(strict);
	}

	/**
	 * Before everything else, security included, so every line of a request has its id.
	 */
	@Bean
	FilterRegistrationBean<RequestIdLogging> requestIdLogging() {
		FilterRegistrationBean<RequestIdLogging> registration = new FilterRegistrationBean<>(new RequestIdLogging());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	WebMvcConfigurer requestShapeChecks() {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new RequestShapeInterceptor());
				registry.addInterceptor(new KnownQueryParameters());
			}
		};
	}

	/**
	 * The first step of a shutdown: callers are told to close their kept-alive
	 * connections ({@code SHUTDOWN_DRAIN}, longer than the gateway's
	 * {@code UPSTREAM_MAX_IDLE_TIME}), then the connector stops accepting and every
	 * request of a connection it accepted is answered.
	 */
	@Bean
	TomcatConnectionDrain connectionDrain(@Value("${claimport.shutdown.drain:5s}") Duration callerIdleTime,
			@Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration longest) {
		return new TomcatConnectionDrain(new ConnectionDrain(callerIdleTime, longest));
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionDrainValve(TomcatConnectionDrain drain) {
		return (factory) -> {
			factory.addEngineValves(drain.valve());
			factory.addConnectorCustomizers(drain::closesListenerOf);
		};
	}

	/**
	 * Puts {@link ProblemErrorReportValve} in place of every error report valve of the
	 * host, Spring Boot's included, once all customizers have run.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> context.addLifecycleListener((event) -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
				useProblemErrorReports(context.getParent());
			}
		}));
	}

	private static void useProblemErrorReports(Container host) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
				host.getPipeline().removeValve(valve);
			}
		}
		if (host instanceof StandardHost standardHost) {
			standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
		}
		boolean present = Arrays.stream(host.getPipeline().getValves())
			.anyMatch(ProblemErrorReportValve.class::isInstance);
		if (!present) {
			host.getPipeline().addValve(new ProblemErrorReportValve());
		}
	}

}

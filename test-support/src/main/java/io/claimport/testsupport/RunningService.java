package io.claimport.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service application started by a test itself, for tests that need control a shared
 * context cannot give: a Kafka broker of their own to stop and start, or two replicas of
 * one service.
 */
public final class RunningService implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private RunningService(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the application on a free port with the test infrastructure and these
	 * overrides.
	 */
	public static RunningService start(Class<?> application, String name, Map<String, Object> overrides) {
		Map<String, Object> properties = new HashMap<>(TestInfrastructure.serviceProperties(name));
		properties.put("server.port", "0");
		properties.putAll(overrides);
		return new RunningService(new SpringApplicationBuilder(application).properties(properties).run());
	}

	/** Another replica of this service: same database and settings, its own port. */
	public RunningService replica(Class<?> application) {
		Map<String, Object> properties = new HashMap<>();
		for (String name : new String[] { "spring.datasource.url", "spring.datasource.username",
				"spring.datasource.password", "spring.kafka.bootstrap-servers", "claimport.identity.jwks-location" }) {
			properties.put(name, this.context.getEnvironment().getProperty(name));
		}
		properties.put("server.port", "0");
		return new RunningService(new SpringApplicationBuilder(application).properties(properties).run());
	}

	public String baseUrl() {
		return "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}

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

	private final Class<?> application;

	private final Map<String, Object> properties;

	private final ConfigurableApplicationContext context;

	private RunningService(Class<?> application, Map<String, Object> properties) {
		this.application = application;
		this.properties = Map.copyOf(properties);
		// as command-line arguments they outrank the application's own configuration
		// files
		this.context = new SpringApplicationBuilder(application).run(this.properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new));
	}

	/**
	 * Starts the application on a free port with the test infrastructure and these
	 * overrides.
	 */
	public static RunningService start(Class<?> application, String name, Map<String, Object> overrides) {
		Map<String, Object> properties = new HashMap<>(TestInfrastructure.serviceProperties(name));
		properties.put("server.port", "0");
		properties.put("management.server.port", "0");
		properties.putAll(overrides);
		return new RunningService(application, properties);
	}

	/** Another replica of this service: same database and settings, its own port. */
	public RunningService replica() {
		return new RunningService(this.application, this.properties);
	}

	public String baseUrl() {
		return "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
	}

	/** Where its actuator answers: the management port, never the public one. */
	public String managementUrl() {
		return "http://localhost:" + this.context.getEnvironment().getProperty("local.management.port");
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}

package io.claimport.devstack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the launcher runs and where, from environment variables with the documented
 * defaults. Setting {@code KAFKA_BOOTSTRAP_SERVERS} or {@code POSTGRES_URL} points the
 * suite at an external Kafka or PostgreSQL, and the launcher then starts none of its own.
 * {@code REQUEST_LOG_DURABILITY} ({@code buffered} or {@code strict}) is the gateway's
 * request-log mode. Each service's management port (actuator) is its port plus 100 unless
 * its {@code *_MANAGEMENT_PORT} variable says otherwise.
 */
record Settings(Path home, Path dataDirectory, Map<Service, Integer> ports, Map<Service, Integer> managementPorts,
		int kafkaPort, int postgresPort, String externalKafka, String externalPostgresUrl, String postgresUser,
		String postgresPassword, String javaOptions, String requestLogDurability) {

	static final int DEFAULT_KAFKA_PORT = 9092;

	static final int DEFAULT_POSTGRES_PORT = 5433;

	static Settings from(Map<String, String> environment, Path home) {
		Map<Service, Integer> ports = new EnumMap<>(Service.class);
		Map<Service, Integer> managementPorts = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			int port = port(environment, service.portVariable(), service.defaultPort());
			ports.put(service, port);
			managementPorts.put(service,
					port(environment, service.managementPortVariable(), Math.min(port + 100, 65535)));
		}
		return new Settings(home, home.resolve(environment.getOrDefault("CLAIMPORT_DATA_DIR", ".devstack")), ports,
				managementPorts, port(environment, "KAFKA_PORT", DEFAULT_KAFKA_PORT),
				port(environment, "POSTGRES_PORT", DEFAULT_POSTGRES_PORT),
				blankToNull(environment.get("KAFKA_BOOTSTRAP_SERVERS")), blankToNull(environment.get("POSTGRES_URL")),
				environment.getOrDefault("POSTGRES_USER", "postgres"),
				environment.getOrDefault("POSTGRES_PASSWORD", "postgres"),
				environment.getOrDefault("CLAIMPORT_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC"),
				blankToNull(environment.get("REQUEST_LOG_DURABILITY")));
	}

	String gatewayUrl() {
		return "http://localhost:" + this.ports.get(Service.GATEWAY);
	}

	private static int port(Map<String, String> environment, String variable, int defaultPort) {
		String value = environment.get(variable);
		if (value == null || value.isBlank()) {
			return defaultPort;
		}
		try {
			int port = Integer.parseInt(value.trim());
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(variable + " must be a TCP port (1-65535), got '" + value + "'");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}

package io.claimport.testsupport;

import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.claimport.infra.KafkaNode;
import io.claimport.infra.PostgresNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one place that decides what real infrastructure tests run on, by
 * {@code CLAIMPORT_TEST_INFRA} (environment variable or system property):
 * {@code embedded}, the default, starts PostgreSQL and Kafka from Maven artifacts in this
 * JVM; {@code containers} starts them with Testcontainers, from the images named by
 * {@code CLAIMPORT_TEST_POSTGRES_IMAGE} and {@code CLAIMPORT_TEST_KAFKA_IMAGE} (the
 * public ones by default, or those {@code deploy/images/build.sh} builds without a
 * registry). A running Docker engine alone changes nothing. Either way it starts once per
 * test JVM, on first use, and stops when the JVM exits.
 */
public final class TestInfrastructure {

	private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

	private static Postgres postgres;

	private static Kafka kafka;

	static final String SWITCH = "CLAIMPORT_TEST_INFRA";

	private TestInfrastructure() {
	}

	public static synchronized Postgres postgres() {
		if (postgres == null) {
			postgres = (kind() == Kind.CONTAINERS) ? containerPostgres() : embeddedPostgres();
		}
		return postgres;
	}

	public static synchronized Kafka kafka() {
		if (kafka == null) {
			kafka = (kind() == Kind.CONTAINERS) ? containerKafka() : embeddedKafka();
		}
		return kafka;
	}

	/**
	 * What a service needs to run on the test infrastructure: a fresh database of its
	 * own, the shared Kafka broker, and the test gateway's public key.
	 */
	public static Map<String, Object> serviceProperties(String applicationName) {
		Postgres postgres = postgres();
		String database = applicationName.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_"
				+ Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
		postgres.createDatabase(database);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", postgres.jdbcUrl(database));
		properties.put("spring.datasource.username", postgres.user());
		properties.put("spring.datasource.password", postgres.password());
		properties.put("spring.kafka.bootstrap-servers", kafka().bootstrapServers());
		// one consumer group per database: contexts of one service in a test JVM each
		// build
		// their own projections, while replicas sharing a database share the work
		properties.put("spring.kafka.consumer.group-id", applicationName + "-" + database);
		properties.put("claimport.identity.jwks-location", TestIdentities.jwksLocation());
		return properties;
	}

	static Kind kind() {
		return Kind.of(setting(SWITCH, "embedded"));
	}

	private static String setting(String name, String defaultValue) {
		String value = System.getProperty(name, System.getenv(name));
		return (value == null || value.isBlank()) ? defaultValue : value.trim();
	}

	private static void requireDocker() {
		boolean available;
		try {
			available = DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			available = false;
		}
		if (!available) {
			throw new IllegalStateException(SWITCH + "=containers needs a Docker engine, and none answers; "
					+ "unset it to run on the embedded infrastructure");
		}
	}

	private static Postgres embeddedPostgres() {
		log.info("Starting embedded PostgreSQL ({}=embedded)", SWITCH);
		PostgresNode node = PostgresNode.startEphemeral();
		Runtime.getRuntime().addShutdownHook(new Thread(node::close));
		return new Postgres(node::jdbcUrl, node.user(), node.password());
	}

	@SuppressWarnings("resource")
	private static Postgres containerPostgres() {
		requireDocker();
		DockerImageName image = DockerImageName.parse(setting("CLAIMPORT_TEST_POSTGRES_IMAGE", "postgres:17-alpine"))
			.asCompatibleSubstituteFor("postgres");
		log.info("Starting PostgreSQL from {} ({}=containers)", image, SWITCH);
		PostgreSQLContainer container = new PostgreSQLContainer(image);
		container.start();
		String base = container.getJdbcUrl().substring(0, container.getJdbcUrl().lastIndexOf('/') + 1);
		return new Postgres((database) -> base + database, container.getUsername(), container.getPassword());
	}

	private static Kafka embeddedKafka() {
		log.info("Starting an embedded KRaft Kafka broker ({}=embedded)", SWITCH);
		KafkaNode node = KafkaNode.startEphemeral();
		Runtime.getRuntime().addShutdownHook(new Thread(node::close));
		return new Kafka(node.bootstrapServers());
	}

	@SuppressWarnings("resource")
	private static Kafka containerKafka() {
		requireDocker();
		DockerImageName image = DockerImageName.parse(setting("CLAIMPORT_TEST_KAFKA_IMAGE", "apache/kafka:4.1.1"))
			.asCompatibleSubstituteFor("apache/kafka");
		log.info("Starting Kafka from {} ({}=containers)", image, SWITCH);
		KafkaContainer container = new KafkaContainer(image);
		container.start();
		return new Kafka(container.getBootstrapServers());
	}

	/** A PostgreSQL server on which each test context gets a database of its own. */
	public record Postgres(DatabaseUrls urls, String user, String password) {

		public String jdbcUrl(String database) {
			return this.urls.jdbcUrl(database);
		}

		public void createDatabase(String database) {
			PostgresNode.createDatabase(
					() -> DriverManager.getConnection(jdbcUrl("postgres"), this.user, this.password), database);
		}

	}

	public record Kafka(String bootstrapServers) {

	}

	/** The two kinds of infrastructure, as {@code CLAIMPORT_TEST_INFRA} names them. */
	enum Kind {

		EMBEDDED, CONTAINERS;

		static Kind of(String value) {
			for (Kind kind : values()) {
				if (kind.name().equalsIgnoreCase(value)) {
					return kind;
				}
			}
			throw new IllegalStateException(
					SWITCH + " must be 'embedded' (the default) or 'containers', got '" + value + "'");
		}

	}

	@FunctionalInterface
	public interface DatabaseUrls {

		String jdbcUrl(String database);

	}

}

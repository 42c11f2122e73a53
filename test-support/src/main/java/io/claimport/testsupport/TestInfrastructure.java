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

/**
 * The one place that decides what real infrastructure tests run on: Testcontainers when a
 * Docker engine is reachable, otherwise PostgreSQL and Kafka started from Maven artifacts
 * in this JVM. Either way it starts once per test JVM, on first use, and stops when the
 * JVM exits.
 */
public final class TestInfrastructure {

	private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

	private static Postgres postgres;

	private static Kafka kafka;

	private TestInfrastructure() {
	}

	public static synchronized Postgres postgres() {
		if (postgres == null) {
			postgres = dockerAvailable() ? containerPostgres() : embeddedPostgres();
		}
		return postgres;
	}

	public static synchronized Kafka kafka() {
		if (kafka == null) {
			kafka = dockerAvailable() ? containerKafka() : embeddedKafka();
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

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static Postgres embeddedPostgres() {
		log.info("No Docker engine: starting embedded PostgreSQL");
		PostgresNode node = PostgresNode.startEphemeral();
		Runtime.getRuntime().addShutdownHook(new Thread(node::close));
		return new Postgres(node::jdbcUrl, node.user(), node.password());
	}

	@SuppressWarnings("resource")
	private static Postgres containerPostgres() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
		container.start();
		String base = container.getJdbcUrl().substring(0, container.getJdbcUrl().lastIndexOf('/') + 1);
		return new Postgres((database) -> base + database, container.getUsername(), container.getPassword());
	}

	private static Kafka embeddedKafka() {
		log.info("No Docker engine: starting an embedded KRaft Kafka broker");
		KafkaNode node = KafkaNode.startEphemeral();
		Runtime.getRuntime().addShutdownHook(new Thread(node::close));
		return new Kafka(node.bootstrapServers());
	}

	@SuppressWarnings("resource")
	private static Kafka containerKafka() {
		KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
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

	@FunctionalInterface
	public interface DatabaseUrls {

		String jdbcUrl(String database);

	}

}

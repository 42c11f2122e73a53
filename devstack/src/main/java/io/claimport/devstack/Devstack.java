package io.claimport.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code run.sh}: starts the suite, prints where it is, and stops it all on Ctrl-C. */
public final class Devstack {

	private static final Logger log = LoggerFactory.getLogger(Devstack.class);

	private Devstack() {
	}

	public static void main(String[] args) throws Exception {
		Path home = Path.of(System.getProperty("claimport.home", ".")).toAbsolutePath().normalize();
		Settings settings = Settings.from(System.getenv(), home);
		if (Arrays.asList(args).contains("--reset")) {
			wipe(settings.dataDirectory());
		}
		boolean infrastructureOnly = Arrays.asList(args).contains("--infra-only");
		Suite suite = Suite.start(settings, !infrastructureOnly);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			log.info("Stopping the suite");
			suite.close();
			stopped.countDown();
		}, "devstack-shutdown"));
		if (infrastructureOnly) {
			log.info("\n  PostgreSQL on port {} and Kafka on port {} are running. Ctrl-C stops them.\n",
					settings.postgresPort(), settings.kafkaPort());
		}
		else {
			printSummary(suite);
		}
		stopped.await();
	}

	private static void printSummary(Suite suite) {
		Settings settings = suite.settings();
		StringBuilder out = new StringBuilder("\n  ClaimPort is running.\n\n");
		out.append("  Gateway:     ").append(settings.gatewayUrl()).append('\n');
		for (Service service : Service.values()) {
			out.append(String.format("  %-18s port %d (%s), actuator on %d (%s)%n", service.module(),
					settings.ports().get(service), service.portVariable(), settings.managementPorts().get(service),
					service.managementPortVariable()));
		}
		out.append(String.format("  %-18s %s%n", "Kafka", (settings.externalKafka() != null)
				? settings.externalKafka() + " (external)" : "port " + settings.kafkaPort() + " (KAFKA_PORT)"));
		out.append(String.format("  %-18s %s%n", "PostgreSQL",
				(settings.externalPostgresUrl() != null) ? settings.externalPostgresUrl() + " (external)"
						: "port " + settings.postgresPort() + " (POSTGRES_PORT)"));
		Path data = settings.home().relativize(settings.dataDirectory());
		out.append("\n  Admin token: ").append(data.resolve("admin-token")).append('\n');
		if (suite.demoKeyIsNew()) {
			out.append("  Demo account API key (shown once; also in ")
				.append(data.resolve("demo-key"))
				.append("):\n    ")
				.append(suite.demoKey())
				.append('\n');
		}
		else {
			out.append("  Demo account API key: ").append(data.resolve("demo-key")).append('\n');
		}
		out.append("\n  Data lives in ").append(data).append("; ./run.sh --reset wipes it. Ctrl-C stops everything.\n");
		log.info("{}", out);
	}

	private static void wipe(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		log.info("Wiping {}", directory);
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}

package io.claimport.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.claimport.infra.KafkaNode;
import io.claimport.infra.PostgresNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole suite on one machine: PostgreSQL and Kafka (started here unless external ones
 * are configured) and the six services, each in a JVM of its own, started from their
 * built jars.
 */
final class Suite implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Suite.class);

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

	private static final Pattern SECRET_IN_JSON = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");

	private final Settings settings;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Map<Service, Process> processes = new EnumMap<>(Service.class);

	private PostgresNode postgres;

	private KafkaNode kafka;

	private String adminToken;

	private String demoKey;

	private boolean demoKeyIsNew;

	private Suite(Settings settings) {
		this.settings = settings;
	}

	static Suite start(Settings settings) {
		return start(settings, true);
	}

	/**
	 * @param withServices false starts only PostgreSQL (with the services' databases) and
	 * Kafka, for running a service from an IDE or a benchmark
	 */
	static Suite start(Settings settings, boolean withServices) {
		Suite suite = new Suite(settings);
		try {
			suite.startAll(withServices);
			return suite;
		}
		catch (RuntimeException ex) {
			suite.close();
			throw ex;
		}
	}

	private void startAll(boolean withServices) {
		Path data = this.settings.dataDirectory();
		this.adminToken = Secrets.adminToken(data.resolve("admin-token"));
		Path signingKey = Secrets.signingKey(data.resolve("gateway-signing-key.json"));
		String postgresBase = startPostgres(data);
		String kafkaServers = startKafka(data);
		if (!withServices) {
			return;
		}
		Map<String, String> shared = new HashMap<>();
		shared.put("DB_USER",
				(this.settings.externalPostgresUrl() != null) ? this.settings.postgresUser() : "postgres");
		shared.put("DB_PASSWORD",
				(this.settings.externalPostgresUrl() != null) ? this.settings.postgresPassword() : "postgres");
		shared.put("KAFKA_BOOTSTRAP_SERVERS", kafkaServers);
		shared.put("GATEWAY_JWKS_URI", this.settings.gatewayUrl() + "/.well-known/jwks.json");
		shared.put("CLAIMPORT_ADMIN_TOKEN", this.adminToken);
		shared.put("GATEWAY_SIGNING_KEY", signingKey.toUri().toString());
		// the local run may point claims at files served on this machine over plain HTTP
		shared.put("CLAIMS_ALLOW_LOCAL_HTTP_URLS", "true");
		for (Service service : Service.values()) {
			shared.put(service.portVariable(), String.valueOf(this.settings.ports().get(service)));
			shared.put(service.urlVariable(), "http://localhost:" + this.settings.ports().get(service));
			shared.put(service.databaseUrlVariable(), postgresBase + "/" + service.database());
		}
		for (Service service : Service.values()) {
			this.processes.put(service, launch(service, shared));
		}
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		for (Service service : Service.values()) {
			awaitHealthy(service, deadline);
		}
		bootstrapDemoAccount(data.resolve("demo-key"));
	}

	private String startPostgres(Path data) {
		if (this.settings.externalPostgresUrl() != null) {
			String base = this.settings.externalPostgresUrl().replaceAll("/+$", "");
			log.info("Using the external PostgreSQL at {}", base);
			for (Service service : Service.values()) {
				PostgresNode.createDatabase(() -> DriverManager.getConnection(base + "/postgres",
						this.settings.postgresUser(), this.settings.postgresPassword()), service.database());
			}
			return base;
		}
		log.info("Starting PostgreSQL on port {}", this.settings.postgresPort());
		this.postgres = PostgresNode.start(data.resolve("postgres"), this.settings.postgresPort());
		for (Service service : Service.values()) {
			this.postgres.createDatabase(service.database());
		}
		return "jdbc:postgresql://localhost:" + this.postgres.port();
	}

	private String startKafka(Path data) {
		if (this.settings.externalKafka() != null) {
			log.info("Using the external Kafka at {}", this.settings.externalKafka());
			return this.settings.externalKafka();
		}
		log.info("Starting Kafka on port {}", this.settings.kafkaPort());
		this.kafka = KafkaNode.start(data.resolve("kafka"), this.settings.kafkaPort());
		return this.kafka.bootstrapServers();
	}

	private Process launch(Service service, Map<String, String> environment) {
		Path jar = executableJar(service);
		Path logFile = this.settings.dataDirectory().resolve("logs").resolve(service.module() + ".log");
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(List.of(this.settings.javaOptions().trim().split("\\s+")));
		command.add("-jar");
		command.add(jar.toString());
		try {
			Files.createDirectories(logFile.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
			builder.environment().putAll(environment);
			log.info("Starting {} on port {} (log: {})", service.module(), this.settings.ports().get(service),
					this.settings.home().relativize(logFile));
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start " + service.module(), ex);
		}
	}

	private Path executableJar(Service service) {
		Path target = this.settings.home().resolve(service.module()).resolve("target");
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"no built jar in " + target + ": build first with ./mvnw -DskipTests package"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitHealthy(Service service, Instant deadline) {
		URI health = URI.create("http://localhost:" + this.settings.ports().get(service) + "/actuator/health");
		while (Instant.now().isBefore(deadline)) {
			Process process = this.processes.get(service);
			if (!process.isAlive()) {
				throw new IllegalStateException(service.module() + " exited with " + process.exitValue() + "; see "
						+ this.settings.dataDirectory().resolve("logs").resolve(service.module() + ".log"));
			}
			try {
				HttpResponse<String> response = this.http.send(
						HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					log.info("{} is up", service.module());
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for " + service.module(), ex);
			}
			pause(Duration.ofMillis(500));
		}
		throw new IllegalStateException(service.module() + " did not become healthy within " + STARTUP_TIMEOUT);
	}

	/** On first start, opens the demo account; its key is written once and shown once. */
	private void bootstrapDemoAccount(Path keyFile) {
		if (Files.exists(keyFile)) {
			this.demoKey = Secrets.read(keyFile);
			return;
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.settings.gatewayUrl() + "/admin/v1/accounts"))
			.header("Authorization", "Bearer " + this.adminToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Demo Store\", \"plan\": \"BUSINESS\"}"))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher secret = SECRET_IN_JSON.matcher(response.body());
			if (response.statusCode() != 201 || !secret.find()) {
				throw new IllegalStateException(
						"the gateway did not open the demo account: HTTP " + response.statusCode());
			}
			this.demoKey = secret.group(1);
			this.demoKeyIsNew = true;
			Secrets.writeOwnerOnly(keyFile, this.demoKey);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not reach the gateway", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Settings settings() {
		return this.settings;
	}

	String adminToken() {
		return this.adminToken;
	}

	String demoKey() {
		return this.demoKey;
	}

	boolean demoKeyIsNew() {
		return this.demoKeyIsNew;
	}

	@Override
	public void close() {
		this.processes.values().forEach(Process::destroy);
		for (Map.Entry<Service, Process> entry : this.processes.entrySet()) {
			try {
				if (!entry.getValue().waitFor(30, TimeUnit.SECONDS)) {
					log.warn("{} did not stop in 30 s; killing it", entry.getKey().module());
					entry.getValue().destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				entry.getValue().destroyForcibly();
			}
		}
		this.processes.clear();
		if (this.kafka != null) {
			this.kafka.close();
			this.kafka = null;
		}
		if (this.postgres != null) {
			this.postgres.close();
			this.postgres = null;
		}
	}

	private static void pause(Duration duration) {
		LockSupport.parkNanos(duration.toNanos());
	}

}

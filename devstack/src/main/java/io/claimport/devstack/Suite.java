package io.claimport.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.claimport.infra.FreePorts;
import io.claimport.infra.KafkaBroker;
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

	/** A service up this long has recovered: its next crash restarts it at once again. */
	private static final Duration STEADY = Duration.ofMinutes(1);

	private static final Duration LONGEST_RESTART_DELAY = Duration.ofSeconds(30);

	private static final Pattern SECRET_IN_JSON = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");

	private final Settings settings;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Map<Service, Process> processes = Collections.synchronizedMap(new EnumMap<>(Service.class));

	/**
	 * Restarts of a service in a row, each sooner than {@link #STEADY} after the last.
	 */
	private final Map<Service, Integer> crashesInARow = new ConcurrentHashMap<>();

	private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "devstack-restarts");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean closing;

	private Map<String, String> serviceEnvironment = Map.of();

	private PostgresNode postgres;

	/** The Kafka broker's process, when the suite runs its own. */
	private volatile Process kafka;

	private int kafkaControllerPort;

	private volatile boolean kafkaStoppedOnPurpose;

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
		// the gateway's request-log journal survives its restarts: what a killed
		// gateway had not sent, the next one sends
		shared.put("REQUEST_LOG_DIR", data.resolve("gateway-request-log").toString());
		if (this.settings.requestLogDurability() != null) {
			shared.put("REQUEST_LOG_DURABILITY", this.settings.requestLogDurability());
		}
		for (Service service : Service.values()) {
			shared.put(service.portVariable(), String.valueOf(this.settings.ports().get(service)));
			shared.put(service.managementPortVariable(), String.valueOf(this.settings.managementPorts().get(service)));
			shared.put(service.urlVariable(), "http://localhost:" + this.settings.ports().get(service));
			shared.put(service.databaseUrlVariable(), postgresBase + "/" + service.database());
		}
		this.serviceEnvironment = Map.copyOf(shared);
		for (Service service : Service.values()) {
			this.processes.put(service, launch(service));
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
		this.kafkaControllerPort = FreePorts.find();
		startKafka();
		return "localhost:" + this.settings.kafkaPort();
	}

	/**
	 * Starts the suite's Kafka broker (again), as a process of its own, and waits until
	 * it listens.
	 */
	void startKafka() {
		Path logFile = this.settings.dataDirectory().resolve("logs").resolve("kafka.log");
		List<String> command = javaCommand();
		command.addAll(javaMain(KafkaBroker.class));
		command.addAll(List.of(this.settings.dataDirectory().resolve("kafka").toString(),
				String.valueOf(this.settings.kafkaPort()), String.valueOf(this.kafkaControllerPort)));
		log.info("Starting Kafka on port {} (log: {})", this.settings.kafkaPort(),
				this.settings.home().relativize(logFile));
		try {
			Files.createDirectories(logFile.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
				.start();
			this.kafka = process;
			this.kafkaStoppedOnPurpose = false;
			watchKafka(process, Instant.now());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start Kafka", ex);
		}
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		while (!listening(this.settings.kafkaPort())) {
			if (!this.kafka.isAlive() || Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Kafka did not start; see " + logFile);
			}
			pause(Duration.ofMillis(200));
		}
	}

	/** Stops the suite's Kafka broker cleanly, as an operator would; it stays stopped. */
	void stopKafka() {
		Process process = this.kafka;
		this.kafkaStoppedOnPurpose = true;
		log.info("Stopping Kafka");
		stop("Kafka", process);
	}

	private void watchKafka(Process process, Instant started) {
		process.onExit().thenAccept((exited) -> {
			if (this.closing || this.kafkaStoppedOnPurpose || exited != this.kafka) {
				return;
			}
			log.warn("Kafka (pid {}) stopped unexpectedly with exit code {} after {} s; restarting it", exited.pid(),
					exited.exitValue(), Duration.between(started, Instant.now()).toSeconds());
			this.restarts.schedule(() -> {
				if (this.closing) {
					return;
				}
				try {
					startKafka();
				}
				catch (RuntimeException ex) {
					// a broker that cannot start exits, and its watch tries again
					log.warn("Kafka did not come back: {}", ex.getMessage());
				}
			}, 1, TimeUnit.SECONDS);
		});
	}

	/**
	 * This JVM's binary with the services' JVM options: how every child process starts.
	 */
	private List<String> javaCommand() {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(List.of(this.settings.javaOptions().trim().split("\\s+")));
		return command;
	}

	/**
	 * The arguments that run a main class of this launcher: from the class path of this
	 * JVM, or, from the launcher's executable jar, through Spring Boot's launcher.
	 */
	private static List<String> javaMain(Class<?> main) {
		String classPath = System.getProperty("java.class.path");
		if (classPath.endsWith("-exec.jar") && !classPath.contains(File.pathSeparator)) {
			return List.of("-cp", classPath, "-Dloader.main=" + main.getName(),
					"org.springframework.boot.loader.launch.PropertiesLauncher");
		}
		return List.of("-cp", classPath, main.getName());
	}

	/** Whether something accepts connections on the port of this machine. */
	static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void stop(String name, Process process) {
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				log.warn("{} did not stop in 30 s; killing it", name);
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	private Process launch(Service service) {
		Path jar = executableJar(service);
		Path logFile = logOf(service);
		List<String> command = javaCommand();
		command.add("-jar");
		command.add(jar.toString());
		try {
			Files.createDirectories(logFile.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
			builder.environment().putAll(this.serviceEnvironment);
			log.info("Starting {} on port {} (log: {})", service.module(), this.settings.ports().get(service),
					this.settings.home().relativize(logFile));
			Process process = builder.start();
			watch(service, process, Instant.now());
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start " + service.module(), ex);
		}
	}

	/**
	 * When a service dies while the suite runs, says so and starts it again: at once
	 * after a first crash, then after 1, 2, 4 … up to 30 s while it keeps crashing within
	 * a minute of its start.
	 */
	private void watch(Service service, Process process, Instant started) {
		process.onExit().thenAccept((exited) -> {
			if (this.closing) {
				return;
			}
			Duration up = Duration.between(started, Instant.now());
			int inARow = up.compareTo(STEADY) >= 0 ? this.crashesInARow.merge(service, 1, (a, b) -> 1)
					: this.crashesInARow.merge(service, 1, Integer::sum);
			Duration delay = restartDelay(inARow);
			log.warn("{} (pid {}) stopped unexpectedly with exit code {} after {} s; restarting it{} (log: {})",
					service.module(), exited.pid(), exited.exitValue(), up.toSeconds(),
					delay.isZero() ? "" : " in " + delay.toSeconds() + " s",
					this.settings.home().relativize(logOf(service)));
			this.restarts.schedule(() -> restart(service), delay.toMillis(), TimeUnit.MILLISECONDS);
		});
	}

	/** No wait after a first crash, then 1, 2, 4, 8, 16 and at most 30 s. */
	static Duration restartDelay(int crashesInARow) {
		if (crashesInARow <= 1) {
			return Duration.ZERO;
		}
		Duration backoff = Duration.ofSeconds(1L << Math.min(crashesInARow - 2, 5));
		return (backoff.compareTo(LONGEST_RESTART_DELAY) > 0) ? LONGEST_RESTART_DELAY : backoff;
	}

	private void restart(Service service) {
		if (this.closing) {
			return;
		}
		try {
			this.processes.put(service, launch(service));
			awaitHealthy(service, Instant.now().plus(STARTUP_TIMEOUT));
		}
		catch (RuntimeException ex) {
			// a start that fails ends in another exit, which the watch restarts later
			log.warn("{} did not come back: {}", service.module(), ex.getMessage());
		}
	}

	/**
	 * Kills a service's process at once, as {@code kill -9} would (for fault runs); the
	 * suite notices and starts it again.
	 * @return the killed process's id
	 */
	long kill(Service service) {
		Process process = this.processes.get(service);
		process.destroyForcibly();
		return process.pid();
	}

	/**
	 * Asks a service to stop, as an orchestrator does ({@code SIGTERM}): it finishes what
	 * is in flight and shuts down; the suite notices the exit and starts it again.
	 * @return the stopped process's id
	 */
	long terminate(Service service) {
		Process process = this.processes.get(service);
		process.destroy();
		return process.pid();
	}

	/** The process id of a service's current process. */
	long pid(Service service) {
		return this.processes.get(service).pid();
	}

	/** Where a service's output goes, across its restarts. */
	Path logOf(Service service) {
		return this.settings.dataDirectory().resolve("logs").resolve(service.module() + ".log");
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
		URI health = URI
			.create("http://localhost:" + this.settings.managementPorts().get(service) + "/actuator/health/readiness");
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
		this.closing = true;
		this.restarts.shutdownNow();
		Map<Service, Process> running = new EnumMap<>(Service.class);
		synchronized (this.processes) {
			running.putAll(this.processes);
		}
		running.values().forEach(Process::destroy);
		running.forEach((service, process) -> stop(service.module(), process));
		this.processes.clear();
		if (this.kafka != null) {
			stop("Kafka", this.kafka);
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

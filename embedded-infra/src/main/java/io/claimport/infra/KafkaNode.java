package io.claimport.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), run
 * from Kafka's own server classes in this JVM. Its log directory is formatted once; a
 * node started again on the same directory and ports is the same cluster with the same
 * topics and records.
 */
public final class KafkaNode implements AutoCloseable {

	private static final int NODE_ID = 1;

	private static final String CONTROLLER_LISTENER = "CONTROLLER";

	private final Path logDirectory;

	private final int port;

	private final int controllerPort;

	private final KafkaRaftServer server;

	private KafkaNode(Path logDirectory, int port, int controllerPort) {
		this.logDirectory = logDirectory;
		this.port = port;
		this.controllerPort = controllerPort;
		formatUnlessFormatted();
		this.server = new KafkaRaftServer(KafkaConfig.fromProps(brokerProperties()), Time.SYSTEM);
		this.server.startup();
	}

	/**
	 * Starts a broker on the directory and port; a port of 0 picks a free one. The
	 * controller listens on a second free port.
	 */
	public static KafkaNode start(Path logDirectory, int port) {
		int brokerPort = (port > 0) ? port : FreePorts.find();
		return new KafkaNode(logDirectory, brokerPort, FreePorts.find());
	}

	/** Starts a broker on the directory, broker port and controller port. */
	public static KafkaNode start(Path logDirectory, int port, int controllerPort) {
		return new KafkaNode(logDirectory, port, controllerPort);
	}

	public static KafkaNode startEphemeral() {
		try {
			return start(Files.createTempDirectory("claimport-kafka"), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts a stopped broker again on its directory and ports: the same cluster, with
	 * the topics and records it had.
	 */
	public KafkaNode startAgain() {
		return new KafkaNode(this.logDirectory, this.port, this.controllerPort);
	}

	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

	private void formatUnlessFormatted() {
		if (Files.exists(this.logDirectory.resolve("meta.properties"))) {
			return;
		}
		try {
			Files.createDirectories(this.logDirectory);
			new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
				.setNodeId(NODE_ID)
				.setClusterId(Uuid.randomUuid().toString())
				.addDirectory(this.logDirectory.toString())
				.setMetadataLogDirectory(this.logDirectory.toString())
				.setControllerListenerName(CONTROLLER_LISTENER)
				.setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
				.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not format Kafka log directory " + this.logDirectory, ex);
		}
	}

	private Properties brokerProperties() {
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", String.valueOf(NODE_ID));
		properties.put("controller.quorum.voters", NODE_ID + "@localhost:" + this.controllerPort);
		properties.put("controller.listener.names", CONTROLLER_LISTENER);
		properties.put("listeners", "PLAINTEXT://localhost:" + this.port + "," + CONTROLLER_LISTENER + "://localhost:"
				+ this.controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://localhost:" + this.port);
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("log.dirs", this.logDirectory.toString());
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("offsets.topic.num.partitions", "5");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		// topics are declared by the services, each with its dead-letter topic
		properties.put("auto.create.topics.enable", "false");
		return properties;
	}

}

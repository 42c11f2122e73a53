package io.claimport.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link KafkaNode} as a process of its own, so that it can be stopped, killed and
 * started again alone, as a real broker can:
 * {@code KafkaBroker <log directory> <broker port> <controller port>}. SIGTERM stops it
 * cleanly.
 */
public final class KafkaBroker {

	private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

	private KafkaBroker() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length != 3) {
			throw new IllegalArgumentException("usage: KafkaBroker <log directory> <broker port> <controller port>");
		}
		KafkaNode node = KafkaNode.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			log.info("Stopping the Kafka broker");
			node.close();
			stopped.countDown();
		}, "kafka-broker-shutdown"));
		log.info("Kafka broker running on {}", node.bootstrapServers());
		stopped.await();
	}

}

package io.claimport.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.claimport.infra.FreePorts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code run.sh} as a script starts it: in the background of a shell without job control,
 * where SIGINT arrives ignored.
 */
class LauncherIT {

	@ParameterizedTest
	@ValueSource(strings = { "INT", "TERM" })
	void theLauncherStartedInTheBackgroundStopsOnTheSignalWithEverythingItStarted(String signal) throws Exception {
		Path data = Files.createTempDirectory("claimport-launcher");
		int kafkaPort = FreePorts.find();
		int postgresPort = FreePorts.find();
		Path log = data.resolve("launcher.log");
		// bash's trap '' makes SIGINT ignored, as a background job of a script has it
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", "trap '' INT; exec ./run.sh --infra-only")
			.directory(Path.of("..").toAbsolutePath().normalize().toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("CLAIMPORT_SKIP_BUILD", "1");
		builder.environment().put("CLAIMPORT_DATA_DIR", data.resolve("stack").toString());
		builder.environment().put("KAFKA_PORT", String.valueOf(kafkaPort));
		builder.environment().put("POSTGRES_PORT", String.valueOf(postgresPort));
		Process launcher = builder.start();
		try {
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> Files.readString(log).contains("are running") || !launcher.isAlive());
			assertThat(launcher.isAlive()).as(Files.readString(log)).isTrue();
			List<ProcessHandle> started = launcher.descendants().toList();
			assertThat(started).as("the Kafka broker runs as a process of its own")
				.anyMatch((process) -> process.info().commandLine().orElse("").contains("KafkaBroker"));

			signal(launcher.pid(), signal);

			assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
			await().atMost(Duration.ofSeconds(30)).until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
			assertThat(Suite.listening(kafkaPort)).as("Kafka stopped").isFalse();
			assertThat(Suite.listening(postgresPort)).as("PostgreSQL stopped").isFalse();
		}
		finally {
			launcher.descendants().forEach(ProcessHandle::destroyForcibly);
			launcher.destroyForcibly();
		}
	}

	private static void signal(long pid, String signal) throws IOException, InterruptedException {
		assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor()).isZero();
	}

}

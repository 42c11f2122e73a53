package io.claimport.service.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.claimport.common.http.ConnectionDrain;
import io.claimport.testsupport.KeptAliveConnection;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TomcatConnectionDrainTest {

	private final CountDownLatch slowEntered = new CountDownLatch(1);

	private final CountDownLatch slowReleased = new CountDownLatch(1);

	@TempDir
	Path baseDir;

	private Tomcat tomcat;

	@AfterEach
	void stopTomcat() throws Exception {
		if (this.tomcat != null) {
			this.tomcat.stop();
			this.tomcat.destroy();
		}
	}

	@Test
	void overTomcatAKeptAliveConnectionIsClosedByItsNextAnswerOnceTheDrainBegins() throws Exception {
		TomcatConnectionDrain realDrain = new TomcatConnectionDrain(
				new ConnectionDrain(Duration.ofMillis(1500), Duration.ofSeconds(30)));
		int port = startTomcat(realDrain);
		realDrain.start();
		try (KeptAliveConnection socket = new KeptAliveConnection(port)) {
			List<String> first = socket.get("/");
			assertThat(first.get(0)).isEqualTo("HTTP/1.1 200 ");
			assertThat(first).noneMatch((line) -> line.equalsIgnoreCase("Connection: close"));

			CountDownLatch stopped = new CountDownLatch(1);
			Thread stopping = new Thread(() -> {
				realDrain.stop();
				stopped.countDown();
			});
			long began = System.nanoTime();
			stopping.start();
			await().atMost(Duration.ofSeconds(5)).until(realDrain::draining);

			List<String> second = socket.get("/");
			assertThat(second.get(0)).isEqualTo("HTTP/1.1 200 ");
			assertThat(second).contains("Connection: close");
			assertThat(socket.closedByServer()).as("the connection, closed by the service").isTrue();

			assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - began))
				.as("the drain waits until the first answer's connection is too old to reuse")
				.isGreaterThanOrEqualTo(Duration.ofMillis(1000));
			assertThat(realDrain.isRunning()).isFalse();
		}
	}

	@Test
	void overTomcatOnceNoCallerCanReuseAConnectionNewOnesAreRefusedAndOneAcceptedBeforeIsStillAnswered()
			throws Exception {
		// settles after 3 s: longer than the test takes to see the close and send a
		// request
		Duration settle = Duration.ofSeconds(3);
		TomcatConnectionDrain realDrain = new TomcatConnectionDrain(
				new ConnectionDrain(Duration.ofMillis(1500), Duration.ofSeconds(30), settle));
		int port = startTomcat(realDrain);
		realDrain.closesListenerOf(this.tomcat.getConnector());
		realDrain.start();
		try (KeptAliveConnection accepted = new KeptAliveConnection(port)) {
			CountDownLatch stopped = new CountDownLatch(1);
			Thread stopping = new Thread(() -> {
				realDrain.stop();
				stopped.countDown();
			});
			stopping.start();
			await().atMost(Duration.ofSeconds(5)).until(() -> KeptAliveConnection.refused(port));

			accepted.send("/slow");
			assertThat(this.slowEntered.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(stopped.await(settle.toMillis() + 1000, TimeUnit.MILLISECONDS))
				.as("the drain, while a request of a connection accepted before the close runs")
				.isFalse();

			this.slowReleased.countDown();
			List<String> answer = accepted.answer();
			assertThat(answer.get(0)).isEqualTo("HTTP/1.1 200 ");
			assertThat(answer).contains("Connection: close");
			assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
		}
	}

	private int startTomcat(TomcatConnectionDrain realDrain) throws Exception {
		this.tomcat = new Tomcat();
		this.tomcat.setBaseDir(this.baseDir.toString());
		this.tomcat.setPort(0);
		this.tomcat.getEngine().getPipeline().addValve(realDrain.valve());
		Context context = this.tomcat.addContext("", null);
		Tomcat.addServlet(context, "ok", new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				if (request.getRequestURI().equals("/slow")) {
					TomcatConnectionDrainTest.this.slowEntered.countDown();
					awaitRelease();
				}
				response.setContentType("text/plain");
				response.getWriter().write("ok");
			}
		});
		context.addServletMappingDecoded("/", "ok");
		// as Spring Boot binds it: when it starts, so that a graceful stop can close it
		this.tomcat.getConnector().setProperty("bindOnInit", "false");
		this.tomcat.start();
		return this.tomcat.getConnector().getLocalPort();
	}

	private void awaitRelease() {
		try {
			this.slowReleased.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

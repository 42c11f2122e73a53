package io.claimport.service.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.claimport.common.http.ConnectionDrain;
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
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(5000);
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = socket.getOutputStream();

			List<String> first = exchange(out, in);
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

			List<String> second = exchange(out, in);
			assertThat(second.get(0)).isEqualTo("HTTP/1.1 200 ");
			assertThat(second).contains("Connection: close");
			assertThat(in.read()).as("the connection, closed by the service").isEqualTo(-1);

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
		TomcatConnectionDrain realDrain = new TomcatConnectionDrain(
				new ConnectionDrain(Duration.ofMillis(1500), Duration.ofSeconds(30)));
		int port = startTomcat(realDrain);
		realDrain.closesListenerOf(this.tomcat.getConnector());
		realDrain.start();
		try (Socket accepted = new Socket("localhost", port)) {
			accepted.setSoTimeout(5000);
			CountDownLatch stopped = new CountDownLatch(1);
			Thread stopping = new Thread(() -> {
				realDrain.stop();
				stopped.countDown();
			});
			stopping.start();
			await().atMost(Duration.ofSeconds(5)).until(() -> refused(port));

			BufferedReader in = new BufferedReader(
					new InputStreamReader(accepted.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = accepted.getOutputStream();
			out.write("GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			assertThat(this.slowEntered.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(stopped.await(ConnectionDrain.SETTLE.toMillis() * 4, TimeUnit.MILLISECONDS))
				.as("the drain, while a request of a connection accepted before the close runs")
				.isFalse();

			this.slowReleased.countDown();
			List<String> answer = readAnswer(in);
			assertThat(answer.get(0)).isEqualTo("HTTP/1.1 200 ");
			assertThat(answer).contains("Connection: close");
			assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
		}
	}

	private static boolean refused(int port) {
		try (Socket socket = new Socket("localhost", port)) {
			return false;
		}
		catch (IOException ex) {
			return true;
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

	private static List<String> exchange(OutputStream out, BufferedReader in) throws IOException {
		out.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		return readAnswer(in);
	}

	private static List<String> readAnswer(BufferedReader in) throws IOException {
		List<String> head = new ArrayList<>();
		int length = 0;
		for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
			head.add(line);
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(15).trim());
			}
		}
		for (int i = 0; i < length; i++) {
			in.read();
		}
		return head;
	}

}

package io.claimport.gateway.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.claimport.common.http.ConnectionDrain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.server.WebServer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The drain over Boot's Reactor Netty server, as the gateway serves its public port.
 */
class NettyConnectionDrainTest {

	private final NettyConnectionDrain drain = new NettyConnectionDrain(Duration.ofMillis(1500),
			Duration.ofSeconds(30));

	private final CountDownLatch slowEntered = new CountDownLatch(1);

	private final CountDownLatch slowReleased = new CountDownLatch(1);

	private final CountDownLatch stopped = new CountDownLatch(1);

	private WebServer server;

	@AfterEach
	void stopServer() {
		this.slowReleased.countDown();
		if (this.server != null) {
			this.server.stop();
		}
	}

	@Test
	void aKeptAliveConnectionIsClosedByItsNextAnswerOnceTheDrainBegins() throws Exception {
		int port = startServer();
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(5000);
			BufferedReader in = reader(socket);
			OutputStream out = socket.getOutputStream();

			List<String> first = exchange(out, in, "/");
			assertThat(first.get(0)).isEqualTo("HTTP/1.1 200 OK");
			assertThat(first).noneMatch((line) -> line.equalsIgnoreCase("connection: close"));

			long began = System.nanoTime();
			stopInBackground();
			await().atMost(Duration.ofSeconds(5)).until(this.drain::draining);

			List<String> second = exchange(out, in, "/");
			assertThat(second.get(0)).isEqualTo("HTTP/1.1 200 OK");
			assertThat(second).anyMatch((line) -> line.equalsIgnoreCase("connection: close"));
			assertThat(in.read()).as("the connection, closed by the gateway").isEqualTo(-1);

			assertThat(this.stopped.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - began))
				.as("the drain waits until the first answer's connection is too old to reuse")
				.isGreaterThanOrEqualTo(Duration.ofMillis(1000));
			assertThat(this.drain.isRunning()).isFalse();
		}
	}

	@Test
	void onceNoClientCanReuseAConnectionNewOnesAreRefusedAndOneAcceptedBeforeIsStillAnswered() throws Exception {
		int port = startServer();
		try (Socket accepted = new Socket("localhost", port)) {
			accepted.setSoTimeout(5000);
			stopInBackground();
			await().atMost(Duration.ofSeconds(5)).until(() -> refused(port));

			BufferedReader in = reader(accepted);
			OutputStream out = accepted.getOutputStream();
			send(out, "/slow");
			assertThat(this.slowEntered.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(this.stopped.await(ConnectionDrain.SETTLE.toMillis() * 4, TimeUnit.MILLISECONDS))
				.as("the drain, while a request of a connection accepted before the close runs")
				.isFalse();

			this.slowReleased.countDown();
			List<String> answer = readAnswer(in);
			assertThat(answer.get(0)).isEqualTo("HTTP/1.1 200 OK");
			assertThat(answer).anyMatch((line) -> line.equalsIgnoreCase("connection: close"));
			assertThat(this.stopped.await(5, TimeUnit.SECONDS)).isTrue();
		}
	}

	private void stopInBackground() {
		new Thread(() -> {
			this.drain.stop();
			this.stopped.countDown();
		}, "drain").start();
	}

	private int startServer() {
		NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory(0);
		factory.setShutdown(Shutdown.GRACEFUL);
		this.drain.customize(factory);
		this.server = factory.getWebServer(
				WebHttpHandlerBuilder.webHandler((exchange) -> this.drain.answering(exchange, () -> answer(exchange)))
					.build());
		this.server.start();
		this.drain.start();
		return this.server.getPort();
	}

	private Mono<Void> answer(ServerWebExchange exchange) {
		Mono<Void> wait = Mono.empty();
		if (exchange.getRequest().getPath().value().equals("/slow")) {
			wait = Mono.<Void>fromRunnable(() -> {
				this.slowEntered.countDown();
				awaitRelease();
			}).subscribeOn(Schedulers.boundedElastic());
		}
		ServerHttpResponse response = exchange.getResponse();
		DataBuffer body = response.bufferFactory().wrap("ok".getBytes(StandardCharsets.UTF_8));
		return wait.then(response.writeWith(Mono.just(body)));
	}

	private void awaitRelease() {
		try {
			this.slowReleased.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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

	private static BufferedReader reader(Socket socket) throws IOException {
		return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
	}

	private static void send(OutputStream out, String path) throws IOException {
		out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	private static List<String> exchange(OutputStream out, BufferedReader in, String path) throws IOException {
		send(out, path);
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

package io.claimport.gateway.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.claimport.common.http.ConnectionDrain;
import io.claimport.testsupport.KeptAliveConnection;
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

	/**
	 * How long no request may arrive after the listening socket closed: longer than the
	 * test takes to see the close and send one on the connection accepted before.
	 */
	static final Duration SETTLE = Duration.ofSeconds(3);

	private final NettyConnectionDrain drain = new NettyConnectionDrain(
			new ConnectionDrain(Duration.ofMillis(1500), Duration.ofSeconds(30), SETTLE));

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
		try (KeptAliveConnection socket = new KeptAliveConnection(port)) {
			List<String> first = socket.get("/");
			assertThat(first.get(0)).isEqualTo("HTTP/1.1 200 OK");
			assertThat(first).noneMatch((line) -> line.equalsIgnoreCase("connection: close"));

			long began = System.nanoTime();
			stopInBackground();
			await().atMost(Duration.ofSeconds(5)).until(this.drain::draining);

			List<String> second = socket.get("/");
			assertThat(second.get(0)).isEqualTo("HTTP/1.1 200 OK");
			assertThat(second).anyMatch((line) -> line.equalsIgnoreCase("connection: close"));
			assertThat(socket.closedByServer()).as("the connection, closed by the gateway").isTrue();

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
		try (KeptAliveConnection accepted = new KeptAliveConnection(port)) {
			stopInBackground();
			await().atMost(Duration.ofSeconds(5)).until(() -> KeptAliveConnection.refused(port));

			accepted.send("/slow");
			assertThat(this.slowEntered.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(this.stopped.await(SETTLE.toMillis() + 1000, TimeUnit.MILLISECONDS))
				.as("the drain, while a request of a connection accepted before the close runs")
				.isFalse();

			this.slowReleased.countDown();
			List<String> answer = accepted.answer();
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

}

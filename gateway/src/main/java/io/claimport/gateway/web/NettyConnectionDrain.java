package io.claimport.gateway.web;

import java.time.Duration;
import java.util.function.Supplier;

import io.claimport.common.http.ConnectionDrain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's {@link ConnectionDrain}, first of all to stop on SIGTERM: for as long as
 * an integrator's client may still reuse a kept-alive connection (the public port's idle
 * timeout, {@code CLIENT_IDLE_TIMEOUT}, after the last answer that kept one), every
 * answer carries {@code Connection: close}; then the public port's listening socket
 * closes, and the web server's own graceful shutdown begins once every connection
 * accepted before has had its request answered. Without it, Reactor Netty's graceful
 * shutdown closes every connection with no request in progress at once, and a request a
 * client sent on one in that instant got no answer at all.
 * <p>
 * Only the public port's requests count ({@link RequestChecks} passes them through
 * {@link #answering}), not the management port's probes.
 */
@Component
class NettyConnectionDrain implements SmartLifecycle, WebServerFactoryCustomizer<NettyReactiveWebServerFactory> {

	private static final Logger log = LoggerFactory.getLogger(NettyConnectionDrain.class);

	private static final Duration LISTENER_CLOSE = Duration.ofSeconds(5);

	private final ConnectionDrain drain;

	private volatile DisposableServer listener;

	private volatile boolean running;

	@Autowired
	NettyConnectionDrain(@Value("${claimport.shutdown.drain:10s}") Duration callerIdleTime,
			@Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration longest) {
		this(new ConnectionDrain(callerIdleTime, longest));
	}

	NettyConnectionDrain(ConnectionDrain drain) {
		this.drain = drain;
	}

	@Override
	public void customize(NettyReactiveWebServerFactory factory) {
		factory.addServerCustomizers((server) -> server.doOnBound((bound) -> this.listener = bound));
	}

	/**
	 * The answer to a request of the public port, counted from its arrival until it went
	 * out, with {@code Connection: close} while the gateway drains.
	 */
	Mono<Void> answering(ServerWebExchange exchange, Supplier<Mono<Void>> answer) {
		ConnectionDrain.Exchange counted = this.drain.begin();
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			if (counted.closesConnection()) {
				response.getHeaders().set(HttpHeaders.CONNECTION, "close");
			}
			return Mono.empty();
		});
		return Mono.defer(answer).doFinally((signal) -> counted.ended());
	}

	/** Whether a request that arrives now is answered with {@code Connection: close}. */
	boolean draining() {
		return this.drain.draining();
	}

	@Override
	public void start() {
		this.drain.serve();
		this.running = true;
	}

	@Override
	public void stop() {
		try {
			Duration took = this.drain.drain(this::closeListener);
			log.info("Drained client connections for {} ms before stopping the web server", took.toMillis());
		}
		finally {
			this.running = false;
		}
	}

	/**
	 * Closes the listening socket only: the connections it accepted stay open until the
	 * web server's graceful shutdown.
	 */
	private void closeListener() {
		DisposableServer server = this.listener;
		if (server != null) {
			server.channel().close().awaitUninterruptibly(LISTENER_CLOSE.toMillis());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Not when a test pauses its application context: as the web server, which keeps
	 * listening then, it drains only when the application stops.
	 */
	@Override
	public boolean isPauseable() {
		return false;
	}

	/**
	 * Before anything else stops (the web server's graceful shutdown, the request log,
	 * the usage counts), so that everything still works while clients move away.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}

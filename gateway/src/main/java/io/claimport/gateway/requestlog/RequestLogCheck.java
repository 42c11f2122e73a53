package io.claimport.gateway.requestlog;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import io.claimport.common.event.RequestLogged;
import io.claimport.common.http.GatewayHeaders;
import io.claimport.common.identity.CallerIdentity;
import io.claimport.gateway.GatewayProperties;
import io.claimport.gateway.network.ClientAddress;
import io.claimport.gateway.web.CheckOrder;
import io.claimport.gateway.web.ExchangeAttributes;
import io.claimport.gateway.web.RequestCheck;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Logs every request the gateway answers, rejected ones included, once the answer is
 * complete, except those to {@link ExcludedPaths}. Each logged response carries the
 * request's id in {@code X-Request-Id}, which the log uses too.
 */
@Component
class RequestLogCheck implements RequestCheck {

	static final String REQUEST_ID_HEADER = GatewayHeaders.REQUEST_ID;

	/** What the log records for a request whose client went away before the answer. */
	private static final int CLIENT_CLOSED_REQUEST = 499;

	private final RequestLogPublisher publisher;

	private final ClientAddress clientAddress;

	private final Clock clock;

	private final ExcludedPaths excluded;

	RequestLogCheck(RequestLogPublisher publisher, ClientAddress clientAddress, Clock clock,
			GatewayProperties properties) {
		this.publisher = publisher;
		this.clientAddress = clientAddress;
		this.clock = clock;
		this.excluded = ExcludedPaths.of(properties.requestLog().excludedPaths());
	}

	@Override
	public int getOrder() {
		return CheckOrder.REQUEST_LOG;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.excluded.contains(exchange.getRequest().getPath().pathWithinApplication())) {
			return chain.filter(exchange);
		}
		Instant receivedAt = this.clock.instant();
		long started = System.nanoTime();
		String requestId = randomUuid().toString();
		exchange.getResponse().getHeaders().add(REQUEST_ID_HEADER, requestId);
		exchange.getAttributes().put(ExchangeAttributes.REQUEST_ID, requestId);
		if (this.publisher.strict()) {
			// the answer is held until its entry is on disk; a request whose answer never
			// starts (the client went away) is logged when it ends
			AtomicBoolean logged = new AtomicBoolean();
			exchange.getResponse().beforeCommit(() -> {
				logged.set(true);
				return Mono.fromFuture(this.publisher.publishDurably(entry(exchange, requestId, receivedAt,
						(System.nanoTime() - started) / 1_000_000, SignalType.ON_COMPLETE)));
			});
			return chain.filter(exchange).doFinally((signal) -> {
				if (!logged.get()) {
					this.publisher.publish(
							entry(exchange, requestId, receivedAt, (System.nanoTime() - started) / 1_000_000, signal));
				}
			});
		}
		return chain.filter(exchange)
			.doFinally((signal) -> this.publisher
				.publish(entry(exchange, requestId, receivedAt, (System.nanoTime() - started) / 1_000_000, signal)));
	}

	/**
	 * A random (version 4) UUID from {@link ThreadLocalRandom}: unique enough to identify
	 * a request, without the global lock of {@link UUID#randomUUID()}'s SecureRandom on
	 * every request. A request id is not a secret.
	 */
	private static UUID randomUuid() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

	private RequestLogged entry(ServerWebExchange exchange, String requestId, Instant receivedAt, long latencyMillis,
			SignalType signal) {
		CallerIdentity caller = exchange.getAttribute(ExchangeAttributes.CALLER);
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		int code = (signal == SignalType.CANCEL) ? CLIENT_CLOSED_REQUEST
				: (status != null) ? status.value() : (signal == SignalType.ON_ERROR) ? 500 : 200;
		InetAddress client = this.clientAddress.of(exchange);
		RequestTrace trace = RequestTrace.of(exchange);
		return new RequestLogged(requestId, (caller != null) ? caller.accountId() : null,
				(caller != null) ? caller.keyId() : null, exchange.getRequest().getMethod().name(),
				exchange.getRequest().getPath().value(), code, latencyMillis,
				(client != null) ? client.getHostAddress() : null,
				exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT), receivedAt,
				exchange.getAttribute(ExchangeAttributes.REJECTION_REASON), trace.traceId(), trace.spanId());
	}

}

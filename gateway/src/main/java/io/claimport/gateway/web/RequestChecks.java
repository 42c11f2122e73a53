package io.claimport.gateway.web;

import java.net.InetSocketAddress;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Runs the gateway's {@link RequestCheck}s, in {@link CheckOrder}, as one web filter, on
 * the public port only: the management port (actuator: probes and scrapes from inside the
 * network) is neither authenticated, limited nor logged, as in every other service.
 * Spring's web filter chain wraps every filter in a deferred Mono and a checkpoint
 * operator: as eight filters, the checks lost about 12% of the proxy's throughput to that
 * alone (docs/architecture.md). Here a check that passes a request on is a method call.
 * The public port's requests are also the ones the {@link NettyConnectionDrain} counts.
 */
@Component
class RequestChecks implements WebFilter, Ordered, ApplicationListener<WebServerInitializedEvent> {

	private static final String MANAGEMENT = "management";

	private final RequestCheck[] checks;

	private final NettyConnectionDrain drain;

	private volatile int managementPort = -1;

	RequestChecks(List<RequestCheck> checks, NettyConnectionDrain drain) {
		this.checks = checks.toArray(RequestCheck[]::new);
		this.drain = drain;
		AnnotationAwareOrderComparator.sort(this.checks);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (MANAGEMENT.equals(event.getApplicationContext().getServerNamespace())) {
			this.managementPort = event.getWebServer().getPort();
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		InetSocketAddress local = exchange.getRequest().getLocalAddress();
		if (local != null && local.getPort() == this.managementPort) {
			return chain.filter(exchange);
		}
		return this.drain.answering(exchange, () -> new Step(0, chain).filter(exchange));
	}

	private final class Step implements WebFilterChain {

		private final int index;

		private final WebFilterChain rest;

		Step(int index, WebFilterChain rest) {
			this.index = index;
			this.rest = rest;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange) {
			// a check that throws becomes an error signal, as in Spring's chain, so
			// that the checks around it (the request log) still see the request end
			try {
				if (this.index == RequestChecks.this.checks.length) {
					return this.rest.filter(exchange);
				}
				return RequestChecks.this.checks[this.index].filter(exchange, new Step(this.index + 1, this.rest));
			}
			catch (RuntimeException ex) {
				return Mono.error(ex);
			}
		}

	}

}

package io.claimport.gateway.usage;

import java.net.InetAddress;

import io.claimport.common.identity.CallerIdentity;
import io.claimport.gateway.network.ClientAddress;
import io.claimport.gateway.web.CheckOrder;
import io.claimport.gateway.web.ExchangeAttributes;
import io.claimport.gateway.web.RequestCheck;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Counts every request made with a key once it is answered, refused ones included: a
 * request refused for its scope or its rate limit was still made with the key.
 */
@Component
class UsageCheck implements RequestCheck {

	private final UsageCounters counters;

	private final ClientAddress clientAddress;

	UsageCheck(UsageCounters counters, ClientAddress clientAddress) {
		this.counters = counters;
		this.clientAddress = clientAddress;
	}

	@Override
	public int getOrder() {
		return CheckOrder.USAGE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).doFinally((signal) -> {
			CallerIdentity caller = exchange.getAttribute(ExchangeAttributes.CALLER);
			if (caller == null || caller.isOperator()) {
				return;
			}
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			InetAddress client = this.clientAddress.of(exchange);
			int code = (status != null) ? status.value() : (signal == SignalType.ON_ERROR) ? 500 : 200;
			this.counters.record(caller.keyId(), code, (client != null) ? client.getHostAddress() : null);
		});
	}

}

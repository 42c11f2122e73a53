package io.claimport.gateway.auth;

import java.util.Optional;

import io.claimport.common.identity.Scopes;
import io.claimport.common.problem.ProblemTypes;
import io.claimport.gateway.key.ApiKey;
import io.claimport.gateway.web.CheckOrder;
import io.claimport.gateway.web.ExchangeAttributes;
import io.claimport.gateway.web.Problems;
import io.claimport.gateway.web.RequestCheck;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets a call through only if the key holds the scope it needs: 403 naming the scope
 * otherwise, without calling a service. It runs after the rate limits, so such a call
 * counts and its answer carries the rate-limit headers, as GitHub counts it.
 */
@Component
class ScopeCheck implements RequestCheck {

	private final Problems problems;

	ScopeCheck(Problems problems) {
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return CheckOrder.SCOPE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ApiKey key = exchange.getAttribute(ExchangeAttributes.API_KEY);
		if (key == null) {
			return chain.filter(exchange);
		}
		Optional<String> needed = Scopes.requiredFor(exchange.getRequest().getMethod().name(),
				exchange.getRequest().getPath().pathWithinApplication().value());
		if (needed.isPresent() && !Scopes.grants(key.scopes(), needed.get())) {
			ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.INSUFFICIENT_SCOPE,
					"Insufficient scope", "This request needs the scope '" + needed.get() + "'.");
			problem.setProperty("requiredScope", needed.get());
			return this.problems.reject(exchange, "insufficient_scope", problem);
		}
		return chain.filter(exchange);
	}

}

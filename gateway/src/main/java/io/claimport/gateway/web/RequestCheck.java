package io.claimport.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * One of the gateway's own steps on a request: it answers the request itself (a
 * rejection) or passes it on to {@code next}, like a web filter. {@link RequestChecks}
 * runs them all, in {@link CheckOrder}.
 */
public interface RequestCheck extends Ordered {

	Mono<Void> filter(ServerWebExchange exchange, WebFilterChain next);

}

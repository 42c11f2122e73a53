package io.claimport.gateway.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RequestChecksTest {

	private final List<String> trace = new ArrayList<>();

	private final MockServerWebExchange exchange = MockServerWebExchange
		.from(MockServerHttpRequest.get("/api/v1/products"));

	private final WebFilterChain proxy = (exchange) -> {
		this.trace.add("proxied");
		return Mono.empty();
	};

	private static RequestChecks checks(List<RequestCheck> checks) {
		return new RequestChecks(checks, new NettyConnectionDrain(Duration.ofSeconds(10), Duration.ofSeconds(30)));
	}

	@Test
	void runsTheChecksInTheirOrderThenTheRestOfTheChain() {
		RequestChecks checks = checks(List.of(passing("scope", 300), passing("log", 0), passing("auth", 100)));

		checks.filter(this.exchange, this.proxy).block();

		assertThat(this.trace).containsExactly("log", "auth", "scope", "proxied");
	}

	@Test
	void aCheckThatAnswersStopsTheRest() {
		RequestCheck refusing = check(100, (exchange, next) -> {
			this.trace.add("refused");
			return Mono.empty();
		});
		RequestChecks checks = checks(List.of(passing("log", 0), refusing, passing("scope", 300)));

		checks.filter(this.exchange, this.proxy).block();

		assertThat(this.trace).containsExactly("log", "refused");
	}

	@Test
	void aCheckThatThrowsEndsTheRequestWithAnErrorTheOuterChecksSee() {
		List<SignalType> seenByLog = new ArrayList<>();
		RequestCheck log = check(0, (exchange, next) -> next.filter(exchange).doFinally(seenByLog::add));
		RequestCheck throwing = check(100, (exchange, next) -> {
			throw new IllegalStateException("broken check");
		});
		RequestChecks checks = checks(List.of(log, throwing));

		assertThatIllegalStateException().isThrownBy(() -> checks.filter(this.exchange, this.proxy).block())
			.withMessage("broken check");

		assertThat(seenByLog).containsExactly(SignalType.ON_ERROR);
		assertThat(this.trace).isEmpty();
	}

	private RequestCheck passing(String name, int order) {
		return check(order, (exchange, next) -> {
			this.trace.add(name);
			return next.filter(exchange);
		});
	}

	private static RequestCheck check(int order, Body body) {
		return new RequestCheck() {

			@Override
			public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain next) {
				return body.filter(exchange, next);
			}

			@Override
			public int getOrder() {
				return order;
			}

		};
	}

	private interface Body {

		Mono<Void> filter(ServerWebExchange exchange, WebFilterChain next);

	}

}

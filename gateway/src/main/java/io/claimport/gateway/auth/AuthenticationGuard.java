package io.claimport.gateway.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

import io.claimport.common.problem.ProblemTypes;
import io.claimport.gateway.lockout.Lockouts;
import io.claimport.gateway.network.ClientAddress;
import io.claimport.gateway.web.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the authentication filters share: refusing a locked-out client before any lookup,
 * and counting each failed authentication towards a lockout before answering it.
 */
@Component
class AuthenticationGuard {

	private final Lockouts lockouts;

	private final ClientAddress clientAddress;

	private final Problems problems;

	AuthenticationGuard(Lockouts lockouts, ClientAddress clientAddress, Problems problems) {
		this.lockouts = lockouts;
		this.clientAddress = clientAddress;
		this.problems = problems;
	}

	/** The 429 for a locked-out client, or empty to go on. */
	Optional<Mono<Void>> refuseIfLockedOut(ServerWebExchange exchange) {
		return this.lockouts.lockedFor(this.clientAddress.of(exchange)).map((left) -> lockedOut(exchange, left));
	}

	Mono<Void> failed(ServerWebExchange exchange, String reason, String detail) {
		InetAddress client = this.clientAddress.of(exchange);
		return this.lockouts.failed(client)
			.then(Mono.defer(() -> this.problems.reject(exchange, reason,
					Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated", detail))));
	}

	private Mono<Void> lockedOut(ServerWebExchange exchange, Duration left) {
		long seconds = (left.toMillis() + 999) / 1000;
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.LOCKED_OUT,
				"Too many failed authentications",
				"Too many failed authentications came from your address; it is locked out for " + seconds + " s.");
		problem.setProperty("retryAfter", seconds);
		return this.problems.reject(exchange, "locked_out", problem);
	}

}

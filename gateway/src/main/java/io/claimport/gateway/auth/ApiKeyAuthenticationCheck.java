package io.claimport.gateway.auth;

import java.time.Clock;
import java.util.Optional;

import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.problem.ProblemTypes;
import io.claimport.gateway.identity.IdentityTokenIssuer;
import io.claimport.gateway.key.ApiKey;
import io.claimport.gateway.key.ApiKeyDirectory;
import io.claimport.gateway.key.ApiKeySecret;
import io.claimport.gateway.web.CheckOrder;
import io.claimport.gateway.web.ExchangeAttributes;
import io.claimport.gateway.web.Problems;
import io.claimport.gateway.web.RequestCheck;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets a request to {@code /api/**} through only with a valid API key, and gives it the
 * gateway's signed identity token for the service ({@link ForwardedCredentials}), so a
 * service sees only who the gateway verified, never the key itself.
 */
@Component
class ApiKeyAuthenticationCheck implements RequestCheck {

	private final ApiKeyDirectory keys;

	private final IdentityTokenIssuer identities;

	private final AuthenticationGuard guard;

	private final Problems problems;

	private final Clock clock;

	ApiKeyAuthenticationCheck(ApiKeyDirectory keys, IdentityTokenIssuer identities, AuthenticationGuard guard,
			Problems problems, Clock clock) {
		this.keys = keys;
		this.identities = identities;
		this.guard = guard;
		this.problems = problems;
		this.clock = clock;
	}

	/** The API's contract, which anyone may read (the docs' ContractPages). */
	static final String PUBLIC_CONTRACT = "/api/v1/openapi.json";

	@Override
	public int getOrder() {
		return CheckOrder.AUTHENTICATION;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!path.startsWith("/api/") || path.equals(PUBLIC_CONTRACT)) {
			return chain.filter(exchange);
		}
		Optional<Mono<Void>> lockedOut = this.guard.refuseIfLockedOut(exchange);
		if (lockedOut.isPresent()) {
			return lockedOut.get();
		}
		Optional<String> presented = PresentedKey.from(exchange.getRequest().getHeaders());
		if (presented.isEmpty()) {
			return this.problems.reject(exchange, "missing_api_key", Problems.of(HttpStatus.UNAUTHORIZED,
					ProblemTypes.UNAUTHENTICATED, "Unauthenticated", "Send your API key in the X-API-Key header."));
		}
		if (!ApiKeySecret.isWellFormed(presented.get())) {
			return this.guard.failed(exchange, "malformed_api_key", "The API key is not valid.");
		}
		return this.keys.find(presented.get()).flatMap((found) -> {
			if (found.isEmpty()) {
				return this.guard.failed(exchange, "unknown_api_key", "The API key is not valid.");
			}
			ApiKey key = found.get();
			if (key.isRevoked()) {
				return this.guard.failed(exchange, "revoked_api_key", "The API key has been revoked.");
			}
			if (key.isExpiredAt(this.clock.instant())) {
				return this.guard.failed(exchange, "expired_api_key", "The API key has expired.");
			}
			CallerIdentity caller = new CallerIdentity(key.accountId(), key.id(), key.scopes());
			exchange.getAttributes().put(ExchangeAttributes.CALLER, caller);
			exchange.getAttributes().put(ExchangeAttributes.API_KEY, key);
			exchange.getAttributes()
				.put(ExchangeAttributes.FORWARDED_AUTHORIZATION, this.identities.authorizationFor(caller));
			return chain.filter(exchange);
		});
	}

}

package io.claimport.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import io.claimport.common.identity.CallerIdentity;
import io.claimport.gateway.GatewayProperties;
import io.claimport.gateway.identity.IdentityTokenIssuer;
import io.claimport.gateway.web.CheckOrder;
import io.claimport.gateway.web.ExchangeAttributes;
import io.claimport.gateway.web.RequestCheck;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Guards the operators' API under {@code /admin/**} with the admin token from
 * configuration, compared in constant time. Requests it passes on to a service carry the
 * operator identity. Without a configured token the admin API refuses everyone. (Actuator
 * answers on the management port only, which the checks leave alone: see
 * {@code RequestChecks}.)
 */
@Component
class AdminAuthenticationCheck implements RequestCheck {

	private static final String BEARER = "Bearer ";

	private final byte[] adminToken;

	private final IdentityTokenIssuer identities;

	private final AuthenticationGuard guard;

	AdminAuthenticationCheck(GatewayProperties properties, IdentityTokenIssuer identities, AuthenticationGuard guard) {
		String token = properties.adminToken();
		this.adminToken = (token == null || token.isBlank()) ? null : token.getBytes(StandardCharsets.UTF_8);
		this.identities = identities;
		this.guard = guard;
	}

	@Override
	public int getOrder() {
		return CheckOrder.AUTHENTICATION;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!path.startsWith("/admin/")) {
			return chain.filter(exchange);
		}
		Optional<Mono<Void>> lockedOut = this.guard.refuseIfLockedOut(exchange);
		if (lockedOut.isPresent()) {
			return lockedOut.get();
		}
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		String presented = (authorization != null && authorization.startsWith(BEARER))
				? authorization.substring(BEARER.length()) : "";
		if (this.adminToken == null
				|| !MessageDigest.isEqual(this.adminToken, presented.getBytes(StandardCharsets.UTF_8))) {
			return this.guard.failed(exchange, "invalid_admin_token",
					"The admin API needs the admin token as 'Authorization: Bearer <token>'.");
		}
		exchange.getAttributes()
			.put(ExchangeAttributes.FORWARDED_AUTHORIZATION,
					this.identities.authorizationFor(CallerIdentity.operator()));
		return chain.filter(exchange);
	}

}

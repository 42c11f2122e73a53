package io.claimport.service.identity;

import java.util.Optional;
import java.util.function.Supplier;

import io.claimport.common.identity.Scopes;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Checks the scope a public API call needs against the scopes in the caller's identity
 * token, the same check the gateway made: a service never trusts that the gateway did.
 */
class ScopeAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Optional<String> needed = requiredScope(context.getRequest());
		if (needed.isEmpty()) {
			return new AuthorizationDecision(true);
		}
		boolean granted = authentication.get() instanceof JwtAuthenticationToken token
				&& Scopes.grants(GatewayIdentities.scopes(token.getToken()), needed.get());
		return new AuthorizationDecision(granted);
	}

	static Optional<String> requiredScope(HttpServletRequest request) {
		return Scopes.requiredFor(request.getMethod(), request.getRequestURI());
	}

}

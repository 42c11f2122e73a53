package io.claimport.service.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.identity.IdentityToken;

import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the caller out of a verified gateway identity token. */
final class GatewayIdentities {

	private GatewayIdentities() {
	}

	static CallerIdentity caller(Jwt token) {
		return new CallerIdentity(token.getSubject(), token.getClaimAsString(IdentityToken.KEY_ID_CLAIM),
				scopes(token));
	}

	static Set<String> scopes(Jwt token) {
		String scope = token.getClaimAsString(IdentityToken.SCOPE_CLAIM);
		return (scope == null) ? Set.of()
				: Arrays.stream(scope.split(" ")).filter((s) -> !s.isBlank()).collect(Collectors.toSet());
	}

}

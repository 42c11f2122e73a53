package io.claimport.gateway.auth;

import java.util.Optional;

import org.springframework.http.HttpHeaders;

/**
 * Where a caller may put the key: {@code X-API-Key} (preferred) or
 * {@code Authorization: Bearer}.
 */
final class PresentedKey {

	static final String API_KEY_HEADER = "X-API-Key";

	private static final String BEARER = "Bearer ";

	private PresentedKey() {
	}

	static Optional<String> from(HttpHeaders headers) {
		String apiKey = headers.getFirst(API_KEY_HEADER);
		if (apiKey != null && !apiKey.isBlank()) {
			return Optional.of(apiKey.trim());
		}
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			String token = authorization.substring(BEARER.length()).trim();
			return token.isEmpty() ? Optional.empty() : Optional.of(token);
		}
		return Optional.empty();
	}

}

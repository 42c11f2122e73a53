package io.claimport.gateway.auth;

import io.claimport.gateway.web.ExchangeAttributes;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a service is told about the caller: only the identity token the gateway signed
 * after authenticating the request. The client's API key, its Authorization header and
 * any identity header it made up ({@code X-Claimport-*}) never leave the gateway. Done
 * while the proxied request's headers are written, rather than by copying the request
 * beforehand.
 */
@Component
class ForwardedCredentials implements HttpHeadersFilter, Ordered {

	private static final String CLIENT_IDENTITY_HEADER_PREFIX = "x-claimport-";

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders forwarded = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!isCredential(name)) {
				forwarded.addAll(name, values);
			}
		});
		String identityToken = exchange.getAttribute(ExchangeAttributes.IDENTITY_TOKEN);
		if (identityToken != null) {
			forwarded.setBearerAuth(identityToken);
		}
		return forwarded;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static boolean isCredential(String name) {
		return name.equalsIgnoreCase(PresentedKey.API_KEY_HEADER) || name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION)
				|| name.regionMatches(true, 0, CLIENT_IDENTITY_HEADER_PREFIX, 0,
						CLIENT_IDENTITY_HEADER_PREFIX.length());
	}

}

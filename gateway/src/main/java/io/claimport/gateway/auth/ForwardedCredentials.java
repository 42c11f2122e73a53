package io.claimport.gateway.auth;

import io.claimport.common.http.GatewayHeaders;
import io.claimport.gateway.web.ExchangeAttributes;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a service is told about the caller: only the identity token the gateway signed
 * after authenticating the request. The client's API key, its Authorization header and
 * any identity header it made up ({@code X-Claimport-*}) never leave the gateway. Done
 * while Spring Cloud Gateway writes the proxied request's headers, rather than by copying
 * the request beforehand: its header filters each copy every header, so the credentials
 * go before the first of them ({@link #removeCredentials}) and the token comes after the
 * last ({@link #addIdentity}), and the filters in between see no more headers than on a
 * route without authentication. The last one also tells the service the request's id
 * ({@code X-Request-Id}, the gateway's own, never the client's), which the services put
 * in their logs.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedCredentials {

	private static final String CLIENT_IDENTITY_HEADER_PREFIX = "x-claimport-";

	@Bean
	HttpHeadersFilter removeCredentials() {
		return new RemoveCredentials();
	}

	@Bean
	HttpHeadersFilter addIdentity() {
		return new AddIdentity();
	}

	private static boolean isReplacedByTheGateway(String name) {
		return name.equalsIgnoreCase(PresentedKey.API_KEY_HEADER) || name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION)
				|| name.equalsIgnoreCase(GatewayHeaders.REQUEST_ID) || name.regionMatches(true, 0,
						CLIENT_IDENTITY_HEADER_PREFIX, 0, CLIENT_IDENTITY_HEADER_PREFIX.length());
	}

	/** The first header filter; its copy is the one every later filter works on. */
	private static final class RemoveCredentials implements HttpHeadersFilter, Ordered {

		@Override
		public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
			HttpHeaders forwarded = new HttpHeaders();
			input.forEach((name, values) -> {
				if (!isReplacedByTheGateway(name)) {
					forwarded.addAll(name, values);
				}
			});
			return forwarded;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	private static final class AddIdentity implements HttpHeadersFilter, Ordered {

		@Override
		public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
			String authorization = exchange.getAttribute(ExchangeAttributes.FORWARDED_AUTHORIZATION);
			String requestId = exchange.getAttribute(ExchangeAttributes.REQUEST_ID);
			// every filter since RemoveCredentials returned its input or a new copy, so
			// these headers are this request's own and writable
			if (authorization != null) {
				input.set(HttpHeaders.AUTHORIZATION, authorization);
			}
			if (requestId != null) {
				input.set(GatewayHeaders.REQUEST_ID, requestId);
			}
			return input;
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}

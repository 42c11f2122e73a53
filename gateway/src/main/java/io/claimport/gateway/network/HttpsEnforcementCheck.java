package io.claimport.gateway.network;

import io.claimport.common.problem.ProblemTypes;
import io.claimport.gateway.GatewayProperties;
import io.claimport.gateway.web.CheckOrder;
import io.claimport.gateway.web.Problems;
import io.claimport.gateway.web.RequestCheck;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * With {@code claimport.gateway.network.https-required} on, refuses every request that
 * did not arrive over TLS (directly, or per {@code X-Forwarded-Proto} from a trusted
 * proxy) before its key is even looked at, and tells browsers to use HTTPS only (HSTS).
 * Health probes stay reachable over plain HTTP inside the cluster.
 */
@Component
class HttpsEnforcementCheck implements RequestCheck {

	private static final String HSTS = "Strict-Transport-Security";

	private final boolean required;

	private final String hsts;

	private final ClientAddress clientAddress;

	private final Problems problems;

	HttpsEnforcementCheck(GatewayProperties properties, ClientAddress clientAddress, Problems problems) {
		this.required = properties.network().httpsRequired();
		this.hsts = "max-age=" + properties.network().hstsMaxAge().toSeconds() + "; includeSubDomains";
		this.clientAddress = clientAddress;
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return CheckOrder.TRANSPORT;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.required) {
			return chain.filter(exchange);
		}
		exchange.getResponse().getHeaders().set(HSTS, this.hsts);
		if (!this.clientAddress.isSecure(exchange)) {
			return this.problems.reject(exchange, "https_required",
					Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.HTTPS_REQUIRED, "HTTPS required",
							"This API accepts HTTPS only. Send the request to the https:// address; your key"
									+ " may have been exposed in transit, so consider rotating it."));
		}
		return chain.filter(exchange);
	}

}

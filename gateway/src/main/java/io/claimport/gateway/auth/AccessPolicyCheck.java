package io.claimport.gateway.auth;

import java.net.InetAddress;

import io.claimport.common.problem.ProblemTypes;
import io.claimport.gateway.key.ApiKey;
import io.claimport.gateway.network.ClientAddress;
import io.claimport.gateway.plan.Plan;
import io.claimport.gateway.plan.Plans;
import io.claimport.gateway.web.CheckOrder;
import io.claimport.gateway.web.ExchangeAttributes;
import io.claimport.gateway.web.Problems;
import io.claimport.gateway.web.RequestCheck;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Where an authenticated key may be used from: only if its account's plan includes API
 * access, and only from an address in its IP allow-list. Each refusal is a 403 that says
 * which rule refused it, costs no call to a service, and spends none of the key's quota:
 * a leaked key used from elsewhere must not use up its owner's limits.
 */
@Component
class AccessPolicyCheck implements RequestCheck {

	private final Plans plans;

	private final ClientAddress clientAddress;

	private final Problems problems;

	AccessPolicyCheck(Plans plans, ClientAddress clientAddress, Problems problems) {
		this.plans = plans;
		this.clientAddress = clientAddress;
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return CheckOrder.ACCESS_POLICY;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ApiKey key = exchange.getAttribute(ExchangeAttributes.API_KEY);
		if (key == null) {
			return chain.filter(exchange);
		}
		if (!this.plans.of(key.plan()).apiAccess()) {
			Plan needed = this.plans.cheapestWithApiAccess();
			ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.PLAN_UPGRADE_REQUIRED,
					"Plan upgrade required", "API access needs the " + needed.displayName()
							+ " plan or higher; this account is on the " + key.plan().displayName() + " plan.");
			problem.setProperty("plan", key.plan());
			problem.setProperty("requiredPlan", needed);
			return this.problems.reject(exchange, "plan_without_api_access", problem);
		}
		InetAddress client = this.clientAddress.of(exchange);
		if (client == null || !key.ipAllowlist().allows(client)) {
			return this.problems.reject(exchange, "ip_not_allowed",
					Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.IP_NOT_ALLOWED, "Address not allowed",
							"This key may not be used from "
									+ ((client != null) ? client.getHostAddress() : "an unknown address")
									+ "; its IP allow-list does not include it."));
		}
		return chain.filter(exchange);
	}

}

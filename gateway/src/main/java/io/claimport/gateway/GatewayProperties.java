package io.claimport.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.claimport.gateway.plan.Plan;
import io.claimport.gateway.plan.PlanLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("claimport.gateway")
public record GatewayProperties(String adminToken, String signingKeyLocation, RequestLog requestLog,
		Map<Plan, PlanLimits> plans, Keys keys, Network network, Lockout lockout, Shared shared) {

	/**
	 * @param bufferCapacity how many entries wait for Kafka at most
	 * @param excludedPaths the gateway's own paths whose requests are not logged, as
	 * Spring path patterns ({@code /actuator/**}: probes and metric scrapes). None may
	 * reach the API or the admin API, whose every request is logged.
	 */
	public record RequestLog(int bufferCapacity, @DefaultValue("/actuator/**") List<String> excludedPaths) {

	}

	/**
	 * @param rotationGrace how long a rotated key keeps working next to its successor
	 */
	public record Keys(@DefaultValue("24h") Duration rotationGrace) {

	}

	/**
	 * @param trustedProxies the load balancers and proxies in front of the gateway whose
	 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} count, as CIDR ranges
	 * @param httpsRequired refuse every request that did not arrive over TLS, and send
	 * HSTS
	 * @param hstsMaxAge how long browsers remember to use HTTPS only
	 */
	public record Network(@DefaultValue List<String> trustedProxies, boolean httpsRequired,
			@DefaultValue("365d") Duration hstsMaxAge) {

	}

	/**
	 * Brute-force protection: this many failed authentications from one address within
	 * the window lock the address out for the duration.
	 */
	public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration duration) {

	}

	/**
	 * @param enabled keep rate-limit counters and lockouts in the gateway's PostgreSQL,
	 * so that they hold for all replicas together
	 * @param onStoreFailure what to do with a request when the shared store cannot answer
	 * @param timeout how long a request waits for the shared store before that decision
	 */
	public record Shared(boolean enabled, @DefaultValue("OPEN") StoreFailure onStoreFailure,
			@DefaultValue("250ms") Duration timeout) {

		public enum StoreFailure {

			/** Let the request through, limited by this replica's own counters. */
			OPEN,
			/** Refuse the request with 503. */
			CLOSED

		}

	}

}

package io.claimport.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.claimport.gateway.plan.Plan;
import io.claimport.gateway.plan.PlanLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

@ConfigurationProperties("claimport.gateway")
public record GatewayProperties(String adminToken, String signingKeyLocation, RequestLog requestLog,
		Map<Plan, PlanLimits> plans, Keys keys, Network network, Lockout lockout, Shared shared,
		@DefaultValue Idempotency idempotency) {

	/**
	 * @param bufferCapacity how many entries wait in memory for the journal at most
	 * @param excludedPaths the gateway's own paths whose requests are not logged, as
	 * Spring path patterns ({@code /actuator/**}: probes and metric scrapes). None may
	 * reach the API or the admin API, whose every request is logged.
	 * @param journal where entries wait on disk for Kafka
	 */
	public record RequestLog(int bufferCapacity, @DefaultValue("/actuator/**") List<String> excludedPaths,
			@DefaultValue Journal journal) {

	}

	/**
	 * @param directory the journal's directory, one per gateway; none (or blank): a new
	 * temporary one per start, so entries a killed gateway had not sent are not sent by
	 * the next one
	 * @param maxSize how much the journal may hold on disk; beyond it entries are dropped
	 * and counted
	 * @param durability {@code buffered}: an answer leaves at once, its entry reaches the
	 * journal within
	 * {@value io.claimport.gateway.GatewayProperties#BUFFERED_WINDOW_MILLIS} ms;
	 * {@code strict}: no answer leaves before its entry is on disk (synced)
	 */
	public record Journal(String directory, @DefaultValue("1GB") DataSize maxSize,
			@DefaultValue("buffered") Durability durability) {

	}

	/** When an answer may leave the gateway, relative to its request-log entry. */
	public enum Durability {

		/** At once; the entry is written to the journal moments later. */
		BUFFERED,

		/** Only once its entry is synced to the journal on disk (grouped writes). */
		STRICT

	}

	/** How long a buffered entry waits in memory before the journal writes it. */
	public static final long BUFFERED_WINDOW_MILLIS = 20;

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

	/**
	 * Writes sent with an {@code Idempotency-Key} ({@code IdempotencyCheck}).
	 *
	 * @param retention how long a key's first answer is kept and replayed
	 * @param lock how long the first request may run before a gateway that finds its key
	 * still unanswered takes it for abandoned (its gateway stopped): longer than the
	 * routes' response timeout
	 */
	public record Idempotency(@DefaultValue("24h") Duration retention, @DefaultValue("90s") Duration lock) {

	}

}

package io.claimport.gateway.plan;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.claimport.gateway.GatewayProperties;

import org.springframework.stereotype.Component;

/**
 * The configured limits of every plan; the gateway does not start if one is missing or
 * nonsensical.
 */
@Component
public class Plans {

	private final Map<Plan, PlanLimits> limits;

	/**
	 * The most a plan may allow per minute. The sliding window remembers when each of the
	 * last limit permits was granted, so a key in use holds 8 bytes per permit: 8 MB at
	 * this bound.
	 */
	public static final int MAX_REQUESTS_PER_MINUTE = 1_000_000;

	public Plans(GatewayProperties properties) {
		this.limits = new EnumMap<>(Plan.class);
		this.limits.putAll(properties.plans());
		List<Plan> missing = Arrays.stream(Plan.values()).filter((plan) -> !this.limits.containsKey(plan)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("claimport.gateway.plans has no limits for " + missing);
		}
		this.limits.forEach((plan, limit) -> {
			if (limit.apiAccess() && (limit.requestsPerMinute() < 1 || limit.requestsPerDay() < 1)) {
				throw new IllegalStateException("plan " + plan
						+ " has API access, so it needs requests-per-minute and requests-per-day of 1 or more");
			}
			if (limit.requestsPerMinute() > MAX_REQUESTS_PER_MINUTE) {
				throw new IllegalStateException("plan " + plan + " has requests-per-minute " + limit.requestsPerMinute()
						+ "; at most " + MAX_REQUESTS_PER_MINUTE
						+ " (the per-minute window keeps the time of each permit: 8 bytes per permit and key)");
			}
			if (limit.maxKeys() < 1) {
				throw new IllegalStateException("plan " + plan + " needs max-keys of 1 or more");
			}
		});
	}

	public PlanLimits of(Plan plan) {
		return this.limits.get(plan);
	}

	/** The cheapest plan whose keys may call the API: what a caller must upgrade to. */
	public Plan cheapestWithApiAccess() {
		return this.limits.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().apiAccess())
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no plan has API access"));
	}

}

package io.claimport.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.claimport.common.problem.ProblemTypes;
import io.claimport.gateway.key.ApiKey;
import io.claimport.gateway.plan.Plan;
import io.claimport.gateway.plan.PlanLimits;
import io.claimport.gateway.plan.Plans;
import io.claimport.gateway.web.CheckOrder;
import io.claimport.gateway.web.ExchangeAttributes;
import io.claimport.gateway.web.Problems;
import io.claimport.gateway.web.RequestCheck;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Applies the key's per-minute and per-day limits and tells the caller where it stands on
 * every response: {@code X-RateLimit-*} for the minute, {@code X-RateLimit-*-Day} for the
 * day, and the IETF draft's {@code RateLimit-Policy} and {@code RateLimit}. A request
 * over either limit gets 429 with {@code Retry-After} and never reaches a service. A bulk
 * request is one request.
 */
@Component
class RateLimitCheck implements RequestCheck {

	private final KeyRateLimits limits;

	private final Problems problems;

	private final Clock clock;

	/**
	 * What the headers say of each plan's limits, which only a restart changes. A
	 * decision's limits are always its key's plan's.
	 */
	private final Map<Plan, PolicyHeaders> policies = new EnumMap<>(Plan.class);

	RateLimitCheck(KeyRateLimits limits, Plans plans, Problems problems, Clock clock) {
		this.limits = limits;
		this.problems = problems;
		this.clock = clock;
		for (Plan plan : Plan.values()) {
			this.policies.put(plan, PolicyHeaders.of(plans.of(plan)));
		}
	}

	@Override
	public int getOrder() {
		return CheckOrder.RATE_LIMIT;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ApiKey key = exchange.getAttribute(ExchangeAttributes.API_KEY);
		if (key == null) {
			return chain.filter(exchange);
		}
		return this.limits.acquire(key).flatMap((decision) -> {
			writeHeaders(exchange.getResponse().getHeaders(), key.plan(), decision);
			if (decision.granted()) {
				return chain.filter(exchange);
			}
			long retryAfter = seconds(decision.retryAfter());
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
			if (decision.refusedBy() == RateLimitDecision.Refusal.STORE_UNAVAILABLE) {
				return this.problems.reject(exchange, "rate_limit_store_unavailable",
						Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Service unavailable",
								"The rate limits cannot be checked right now. Retry in " + retryAfter + " s."));
			}
			return this.problems.reject(exchange, reason(decision), problem(key, decision, retryAfter));
		});
	}

	private void writeHeaders(HttpHeaders headers, Plan plan, RateLimitDecision decision) {
		long now = this.clock.millis() / 1000;
		long minuteReset = seconds(decision.minuteReset());
		long dayReset = seconds(decision.dayReset());
		PolicyHeaders policy = this.policies.get(plan);
		// written once per request: adding spares Netty the search for an earlier value
		headers.add("X-RateLimit-Limit", policy.minuteLimit());
		headers.add("X-RateLimit-Remaining", Integer.toString(decision.minuteRemaining()));
		headers.add("X-RateLimit-Reset", Long.toString(now + minuteReset));
		headers.add("X-RateLimit-Limit-Day", policy.dayLimit());
		headers.add("X-RateLimit-Remaining-Day", Long.toString(decision.dayRemaining()));
		headers.add("X-RateLimit-Reset-Day", Long.toString(now + dayReset));
		headers.add("RateLimit-Policy", policy.policy());
		headers.add("RateLimit", "\"minute\";r=" + decision.minuteRemaining() + ";t=" + minuteReset + ", \"day\";r="
				+ decision.dayRemaining() + ";t=" + dayReset);
	}

	private static String reason(RateLimitDecision decision) {
		return (decision.refusedBy() == RateLimitDecision.Refusal.DAY) ? "daily_quota_exceeded" : "rate_limit_exceeded";
	}

	private static ProblemDetail problem(ApiKey key, RateLimitDecision decision, long retryAfter) {
		boolean day = decision.refusedBy() == RateLimitDecision.Refusal.DAY;
		String detail = day
				? "This key has used its " + decision.dayLimit() + " requests for today (UTC) on the "
						+ key.plan().displayName() + " plan. The quota resets at 00:00 UTC, in " + retryAfter + " s."
				: "This key has made " + decision.minuteLimit() + " requests in the last 60 seconds, the "
						+ key.plan().displayName() + " plan's limit. Retry in " + retryAfter + " s.";
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
				day ? "Daily quota exceeded" : "Rate limit exceeded", detail);
		problem.setProperty("limit", day ? decision.dayLimit() : decision.minuteLimit());
		problem.setProperty("window", day ? "day" : "minute");
		problem.setProperty("retryAfter", retryAfter);
		return problem;
	}

	/** The header values that depend only on the limits. */
	private record PolicyHeaders(String minuteLimit, String dayLimit, String policy) {

		static PolicyHeaders of(PlanLimits limits) {
			return new PolicyHeaders(Integer.toString(limits.requestsPerMinute()),
					Long.toString(limits.requestsPerDay()), "\"minute\";q=" + limits.requestsPerMinute()
							+ ";w=60, \"day\";q=" + limits.requestsPerDay() + ";w=86400");
		}

	}

	/**
	 * Whole seconds, rounded up, so that retrying after them always finds a free request.
	 */
	private static long seconds(Duration duration) {
		return (duration.toMillis() + 999) / 1000;
	}

}

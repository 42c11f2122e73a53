package io.claimport.gateway.ratelimit;

import java.time.Duration;

/**
 * The answer for one request, with what the headers tell the caller about both limits.
 *
 * @param refusedBy why the request was refused, or null when it was granted
 * @param minuteLimit requests allowed in any 60 seconds
 * @param minuteRemaining requests left in the sliding minute
 * @param minuteReset until the whole minute limit is free again
 * @param minuteRetry until one more request is free in the sliding minute
 * @param dayLimit requests allowed per UTC day
 * @param dayRemaining requests left today
 * @param dayReset until the next 00:00 UTC
 */
record RateLimitDecision(Refusal refusedBy, int minuteLimit, int minuteRemaining, Duration minuteReset,
		Duration minuteRetry, long dayLimit, long dayRemaining, Duration dayReset) {

	private static final Duration STORE_RETRY = Duration.ofSeconds(1);

	enum Refusal {

		MINUTE, DAY,
		/** Shared mode, failing closed: the shared store could not decide. */
		STORE_UNAVAILABLE

	}

	/** The refusal when the shared store cannot decide and the gateway fails closed. */
	static RateLimitDecision storeUnavailable(int minuteLimit, long dayLimit) {
		return new RateLimitDecision(Refusal.STORE_UNAVAILABLE, minuteLimit, 0, STORE_RETRY, STORE_RETRY, dayLimit, 0,
				STORE_RETRY);
	}

	boolean granted() {
		return this.refusedBy == null;
	}

	Duration retryAfter() {
		return (this.refusedBy == Refusal.DAY) ? this.dayReset : this.minuteRetry;
	}

}

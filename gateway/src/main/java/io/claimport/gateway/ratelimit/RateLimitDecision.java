package io.claimport.gateway.ratelimit;

import java.time.Duration;

/**
 * The answer for one request, with what the headers tell the caller about both limits.
 *
 * @param refusedBy the limit that refused the request, or null when it was granted
 * @param minuteLimit requests allowed in any 60 seconds
 * @param minuteRemaining requests left in the sliding minute
 * @param minuteReset until the whole minute limit is free again
 * @param minuteRetry until one more request is free in the sliding minute
 * @param dayLimit requests allowed per UTC day
 * @param dayRemaining requests left today
 * @param dayReset until the next 00:00 UTC
 */
record RateLimitDecision(Window refusedBy, int minuteLimit, int minuteRemaining, Duration minuteReset,
		Duration minuteRetry, long dayLimit, long dayRemaining, Duration dayReset) {

	enum Window {

		MINUTE, DAY

	}

	boolean granted() {
		return this.refusedBy == null;
	}

	Duration retryAfter() {
		return (this.refusedBy == Window.DAY) ? this.dayReset : this.minuteRetry;
	}

}

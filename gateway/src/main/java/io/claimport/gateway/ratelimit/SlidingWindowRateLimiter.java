package io.claimport.gateway.ratelimit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.LongSupplier;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.event.RateLimiterOnFailureEvent;
import io.github.resilience4j.ratelimiter.event.RateLimiterOnSuccessEvent;
import io.github.resilience4j.ratelimiter.internal.RateLimiterEventProcessor;

/**
 * A resilience4j {@link RateLimiter} that keeps the promise "at most limitForPeriod
 * permits in any window of limitRefreshPeriod", which resilience4j's own
 * {@code AtomicRateLimiter} cannot: it refreshes permits in fixed cycles counted from its
 * creation, so the end of one cycle and the start of the next can together let twice the
 * limit through within one period.
 * <p>
 * This one remembers when each of the last limitForPeriod permits was granted, oldest
 * first, in a ring. A permit is granted only when the permit granted limitForPeriod
 * permits ago is at least one period old; so no period can ever hold more than the limit.
 * Bursts up to the whole limit stay allowed. It never waits: the timeout is always zero.
 */
public final class SlidingWindowRateLimiter implements RateLimiter {

	private final String name;

	private final LongSupplier millis;

	private final RateLimiterEventProcessor events = new RateLimiterEventProcessor();

	private final Metrics metrics = new SlidingWindowMetrics();

	private RateLimiterConfig config;

	private long[] grantedAt;

	private int oldest;

	public SlidingWindowRateLimiter(String name, int limit, Duration window, LongSupplier millis) {
		this.name = name;
		this.millis = millis;
		this.config = RateLimiterConfig.custom()
			.limitForPeriod(limit)
			.limitRefreshPeriod(window)
			.timeoutDuration(Duration.ZERO)
			.build();
		this.grantedAt = emptyRing(limit);
	}

	@Override
	public boolean acquirePermission(int permits) {
		boolean granted = tryAcquire(permits);
		published(granted, permits);
		return granted;
	}

	/**
	 * Tries to take one permit and tells where the window stands afterwards, all under
	 * one lock: what a request needs for its answer and its rate-limit headers.
	 */
	public Window acquireOne() {
		Window window;
		synchronized (this) {
			long now = this.millis.getAsLong();
			int free = freePermits(now);
			boolean granted = free > 0;
			if (granted) {
				grant(now, 1);
				free--;
			}
			window = window(granted, free, now);
		}
		published(window.granted(), 1);
		return window;
	}

	/** Where the window stands, taking nothing. */
	public synchronized Window window() {
		long now = this.millis.getAsLong();
		return window(false, freePermits(now), now);
	}

	/** Never waits: 0 when granted now, -1 when not. */
	@Override
	public long reservePermission(int permits) {
		return acquirePermission(permits) ? 0 : -1;
	}

	/** Spends every permit free right now, as if the whole limit had just been used. */
	@Override
	public synchronized void drainPermissions() {
		tryAcquire(freePermits(this.millis.getAsLong()));
	}

	/** Takes effect at once; the grants remembered so far keep counting. */
	@Override
	public synchronized void changeLimitForPeriod(int limit) {
		long[] resized = emptyRing(limit);
		int kept = Math.min(limit, this.grantedAt.length);
		for (int i = 0; i < kept; i++) {
			resized[limit - kept + i] = this.grantedAt[(this.oldest + this.grantedAt.length - kept + i)
					% this.grantedAt.length];
		}
		this.grantedAt = resized;
		this.oldest = 0;
		this.config = RateLimiterConfig.from(this.config).limitForPeriod(limit).build();
	}

	/** This limiter never waits for a permit, so the timeout cannot be changed. */
	@Override
	public void changeTimeoutDuration(Duration timeout) {
		if (!timeout.isZero()) {
			throw new UnsupportedOperationException("a sliding-window limiter answers at once; its timeout is zero");
		}
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public synchronized RateLimiterConfig getRateLimiterConfig() {
		return this.config;
	}

	@Override
	public Map<String, String> getTags() {
		return Map.of();
	}

	@Override
	public Metrics getMetrics() {
		return this.metrics;
	}

	@Override
	public EventPublisher getEventPublisher() {
		return this.events;
	}

	private synchronized boolean tryAcquire(int permits) {
		long now = this.millis.getAsLong();
		if (permits > freePermits(now)) {
			return false;
		}
		grant(now, permits);
		return true;
	}

	private void grant(long now, int permits) {
		for (int i = 0; i < permits; i++) {
			this.grantedAt[this.oldest] = now;
			this.oldest = (this.oldest + 1) % this.grantedAt.length;
		}
	}

	private Window window(boolean granted, int free, long now) {
		return new Window(granted, this.grantedAt.length, free, millisUntilNextPermit(now), millisUntilAllPermits(now));
	}

	private long millisUntilNextPermit(long now) {
		return Math.max(0, this.grantedAt[this.oldest] + windowMillis() - now);
	}

	private long millisUntilAllPermits(long now) {
		int newest = (this.oldest + this.grantedAt.length - 1) % this.grantedAt.length;
		return Math.max(0, this.grantedAt[newest] + windowMillis() - now);
	}

	private void published(boolean granted, int permits) {
		if (this.events.hasConsumers()) {
			this.events.consumeEvent(granted ? new RateLimiterOnSuccessEvent(this.name, permits)
					: new RateLimiterOnFailureEvent(this.name, permits));
		}
	}

	/**
	 * The grants in the ring are in time order from the oldest, so the free ones (at
	 * least a window old) are a prefix of it.
	 */
	private int freePermits(long now) {
		long cutoff = now - windowMillis();
		int low = 0;
		int high = this.grantedAt.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			int index = this.oldest + middle;
			if (this.grantedAt[(index < this.grantedAt.length) ? index : index - this.grantedAt.length] <= cutoff) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	private long windowMillis() {
		return this.config.getLimitRefreshPeriod().toMillis();
	}

	private static long[] emptyRing(int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1");
		}
		long[] ring = new long[limit];
		Arrays.fill(ring, Long.MIN_VALUE / 2);
		return ring;
	}

	/**
	 * One look at the window.
	 *
	 * @param granted whether this look took a permit
	 * @param limit permits in any window
	 * @param remaining permits free now
	 * @param millisUntilNextPermit until one more permit is free; 0 if one is free now
	 * @param millisUntilAllPermits until every permit is free again
	 */
	public record Window(boolean granted, int limit, int remaining, long millisUntilNextPermit,
			long millisUntilAllPermits) {

	}

	private final class SlidingWindowMetrics implements Metrics {

		@Override
		public int getNumberOfWaitingThreads() {
			return 0;
		}

		@Override
		public int getAvailablePermissions() {
			synchronized (SlidingWindowRateLimiter.this) {
				return freePermits(SlidingWindowRateLimiter.this.millis.getAsLong());
			}
		}

	}

}

package io.claimport.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlidingWindowRateLimiterTest {

	private final AtomicLong now = new AtomicLong(1_000_000);

	private final SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter("key", 60, Duration.ofSeconds(60),
			this.now::get);

	@Test
	void allowsTheWholeLimitAsABurstAndNotOneMore() {
		for (int i = 0; i < 60; i++) {
			assertThat(this.limiter.acquirePermission()).isTrue();
		}
		assertThat(this.limiter.acquirePermission()).isFalse();
		assertThat(this.limiter.getMetrics().getAvailablePermissions()).isZero();
		assertThat(this.limiter.window().millisUntilNextPermit()).isEqualTo(60_000);
	}

	@Test
	void tellsWhenTheNextPermitAndWhenAllPermitsAreFreeAgain() {
		this.limiter.acquirePermission();
		this.now.addAndGet(20_000);
		this.limiter.acquirePermission();

		assertThat(this.limiter.window().millisUntilNextPermit()).isZero();
		assertThat(this.limiter.window().millisUntilAllPermits()).isEqualTo(60_000);
		assertThat(this.limiter.getMetrics().getAvailablePermissions()).isEqualTo(58);
	}

	@Test
	void oneLookTakesAPermitAndTellsWhereTheWindowStandsAfterIt() {
		this.limiter.acquirePermission();
		this.now.addAndGet(20_000);

		assertThat(this.limiter.acquireOne()).isEqualTo(new SlidingWindowRateLimiter.Window(true, 60, 58, 0, 60_000));
		for (int i = 0; i < 58; i++) {
			this.limiter.acquirePermission();
		}
		SlidingWindowRateLimiter.Window full = new SlidingWindowRateLimiter.Window(false, 60, 0, 40_000, 60_000);
		assertThat(this.limiter.acquireOne()).isEqualTo(full);
		assertThat(this.limiter.window()).isEqualTo(full);
		this.now.addAndGet(40_000);
		assertThat(this.limiter.window().remaining()).as("the first permit is free again").isEqualTo(1);
	}

	@Test
	void aPermitComesBackExactlyOneWindowAfterItWasGranted() {
		for (int i = 0; i < 60; i++) {
			this.limiter.acquirePermission();
			this.now.addAndGet(500);
		}
		// the first permit was granted at 1_000_000; now is 1_030_000
		this.now.set(1_059_999);
		assertThat(this.limiter.acquirePermission()).isFalse();
		assertThat(this.limiter.window().millisUntilNextPermit()).isEqualTo(1);

		this.now.set(1_060_000);
		assertThat(this.limiter.acquirePermission()).isTrue();
		assertThat(this.limiter.acquirePermission()).as("the second permit was granted 500 ms later").isFalse();
	}

	@Test
	void theFixedCycleLimiterLetsTwiceTheLimitThroughAcrossACycleBoundaryAndThisOneDoesNot() {
		long created = System.nanoTime();
		RateLimiter fixedCycles = RateLimiter.of("fixed",
				RateLimiterConfig.custom()
					.limitForPeriod(60)
					.limitRefreshPeriod(Duration.ofSeconds(1))
					.timeoutDuration(Duration.ZERO)
					.build());
		int fixedGranted = 0;
		while (System.nanoTime() - created < Duration.ofMillis(700).toNanos()) {
			Thread.onSpinWait();
		}
		while (System.nanoTime() - created < Duration.ofMillis(1300).toNanos()) {
			fixedGranted += fixedCycles.acquirePermission() ? 1 : 0;
		}
		assertThat(fixedGranted).as("within 600 ms, less than one period").isEqualTo(120);

		this.now.set(59_999);
		int granted = 0;
		for (int i = 0; i < 100; i++) {
			granted += this.limiter.acquirePermission() ? 1 : 0;
		}
		this.now.set(60_001);
		for (int i = 0; i < 100; i++) {
			granted += this.limiter.acquirePermission() ? 1 : 0;
		}
		assertThat(granted).isEqualTo(60);
	}

	@Test
	void noSixtySecondWindowEverHoldsMoreThanTheLimitUnderRandomTraffic() {
		Random random = new Random(42);
		List<Long> granted = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			this.now.addAndGet(random.nextInt(2_000));
			if (this.limiter.acquirePermission()) {
				granted.add(this.now.get());
			}
		}
		int start = 0;
		for (int end = 0; end < granted.size(); end++) {
			while (granted.get(end) - granted.get(start) >= 60_000) {
				start++;
			}
			assertThat(end - start + 1).isLessThanOrEqualTo(60);
		}
		assertThat(granted.size()).as("and it does not starve the key either").isGreaterThan(10_000);
	}

	@Test
	void aChangedLimitAppliesAtOnceAndKeepsCountingRecentGrants() {
		for (int i = 0; i < 50; i++) {
			this.limiter.acquirePermission();
		}

		this.limiter.changeLimitForPeriod(55);

		assertThat(this.limiter.getMetrics().getAvailablePermissions()).isEqualTo(5);
		this.limiter.changeLimitForPeriod(40);
		assertThat(this.limiter.acquirePermission()).isFalse();
		assertThat(this.limiter.getRateLimiterConfig().getLimitForPeriod()).isEqualTo(40);
	}

}

package io.claimport.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.claimport.gateway.key.ApiKey;
import io.claimport.gateway.plan.PlanLimits;
import io.claimport.gateway.plan.Plans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each key's limits from its plan: a {@link SlidingWindowRateLimiter} for the minute and
 * a {@link DailyQuota} for the UTC day. A key's day count is read from the database once,
 * when this replica first sees the key that day; after that a request costs no database
 * round trip. The counts are added to the database every second
 * ({@code claimport.gateway.rate-limits.store-interval}), so a restart keeps the day's
 * quota, and a crash forgets at most that second's requests.
 */
@Component
class KeyRateLimits implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KeyRateLimits.class);

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final Plans plans;

	private final QuotaStore store;

	private final Clock clock;

	private final AsyncLoadingCache<LimitsKey, Limits> limits;

	private final ConcurrentLinkedQueue<QuotaStore.Increment> unstoredOfEvicted = new ConcurrentLinkedQueue<>();

	private volatile boolean running;

	KeyRateLimits(Plans plans, QuotaStore store, Clock clock) {
		this.plans = plans;
		this.store = store;
		this.clock = clock;
		Executor blocking = (task) -> Schedulers.boundedElastic().schedule(task);
		this.limits = Caffeine.newBuilder()
			.expireAfterAccess(Duration.ofHours(1))
			.executor(blocking)
			.<LimitsKey, Limits>removalListener((key, evicted, cause) -> {
				if (evicted != null && cause != RemovalCause.REPLACED) {
					this.unstoredOfEvicted.addAll(evicted.day().takeUnstored());
				}
			})
			.buildAsync(this::load);
	}

	Mono<RateLimitDecision> acquire(ApiKey key) {
		PlanLimits planLimits = this.plans.of(key.plan());
		return Mono.fromFuture(this.limits.get(new LimitsKey(key.id(), planLimits))).map(this::acquire);
	}

	private RateLimitDecision acquire(Limits limits) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		RateLimitDecision.Window refusedBy = null;
		if (!limits.day().tryAcquire(today)) {
			refusedBy = RateLimitDecision.Window.DAY;
		}
		else if (!limits.minute().acquirePermission()) {
			limits.day().release(today);
			refusedBy = RateLimitDecision.Window.MINUTE;
		}
		Duration untilMidnight = Duration.between(now, today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		return new RateLimitDecision(refusedBy, limits.minute().getRateLimiterConfig().getLimitForPeriod(),
				limits.minute().getMetrics().getAvailablePermissions(),
				Duration.ofMillis(limits.minute().millisUntilAllPermits()),
				Duration.ofMillis(limits.minute().millisUntilNextPermit()), limits.day().limit(),
				limits.day().remaining(today), untilMidnight);
	}

	private Limits load(LimitsKey key) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		long used = this.store.usedOn(key.keyId(), today);
		return new Limits(
				new SlidingWindowRateLimiter(key.keyId(), key.plan().requestsPerMinute(), MINUTE, this.clock::millis),
				new DailyQuota(key.keyId(), key.plan().requestsPerDay(), today, used));
	}

	@Scheduled(fixedDelayString = "${claimport.gateway.rate-limits.store-interval}")
	void storeCounts() {
		List<QuotaStore.Increment> increments = new ArrayList<>();
		for (QuotaStore.Increment evicted; (evicted = this.unstoredOfEvicted.poll()) != null;) {
			increments.add(evicted);
		}
		List<Limits> current = List.copyOf(this.limits.synchronous().asMap().values());
		current.forEach((limits) -> increments.addAll(limits.day().takeUnstored()));
		if (increments.isEmpty()) {
			return;
		}
		try {
			this.store.add(increments);
		}
		catch (RuntimeException ex) {
			log.warn("Could not store {} daily quota counts; keeping them for the next try: {}", increments.size(),
					ex.getMessage());
			this.unstoredOfEvicted.addAll(increments);
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Stores the last counts on a graceful shutdown. */
	@Override
	public void stop() {
		storeCounts();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * One entry per key and plan limits: a plan change starts the key on fresh limits.
	 */
	private record LimitsKey(String keyId, PlanLimits plan) {

	}

	private record Limits(SlidingWindowRateLimiter minute, DailyQuota day) {

	}

}

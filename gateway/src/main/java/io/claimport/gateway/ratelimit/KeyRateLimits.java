package io.claimport.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.claimport.gateway.GatewayProperties;
import io.claimport.gateway.key.ApiKey;
import io.claimport.gateway.plan.PlanLimits;
import io.claimport.gateway.plan.Plans;
import io.claimport.gateway.web.HotPathCaches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each key's limits from its plan: a {@link SlidingWindowRateLimiter} for the minute and
 * a {@link DailyQuota} for the UTC day, kept by this replica; or, in shared mode, both
 * decided by {@link SharedRateLimitStore} for all replicas, with this replica's own
 * counters as the fallback when failing open. A key's day count is read from the database
 * once, when this replica first sees the key that day; after that a request costs no
 * database round trip. The counts are added to the database every second
 * ({@code claimport.gateway.rate-limits.store-interval}), so a restart keeps the day's
 * quota, and a crash forgets at most that second's requests.
 */
@Component
class KeyRateLimits implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KeyRateLimits.class);

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private static final long MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

	private final Plans plans;

	private final QuotaStore store;

	private final SharedRateLimitStore sharedStore;

	private final GatewayProperties.Shared shared;

	private final CircuitBreaker storeBreaker;

	private final Counter failedOpen;

	private final Counter failedClosed;

	private final Clock clock;

	private final AsyncLoadingCache<LimitsKey, Limits> limits;

	private final ConcurrentLinkedQueue<QuotaStore.Increment> unstoredOfEvicted = new ConcurrentLinkedQueue<>();

	private volatile boolean running;

	KeyRateLimits(Plans plans, QuotaStore store, SharedRateLimitStore sharedStore, GatewayProperties properties,
			Clock clock, MeterRegistry meters) {
		this.plans = plans;
		this.store = store;
		this.sharedStore = sharedStore;
		this.shared = properties.shared();
		this.clock = clock;
		// while the store is failing, decide at once instead of making every request wait
		// for the timeout
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowSize(20)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(5))
			.build());
		this.storeBreaker = breakers.circuitBreaker("shared-rate-limit-store");
		// resilience4j_circuitbreaker_state{name="shared-rate-limit-store",state=...}:
		// 1 for the state it is in
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
		this.failedOpen = storeFailures(meters, "open");
		this.failedClosed = storeFailures(meters, "closed");
		this.limits = HotPathCaches.newBuilder()
			.expireAfterAccess(Duration.ofHours(1))
			.<LimitsKey, Limits>removalListener((key, evicted, cause) -> {
				if (evicted != null && cause != RemovalCause.REPLACED) {
					this.unstoredOfEvicted.addAll(evicted.day().takeUnstored());
				}
			})
			.buildAsync(HotPathCaches.blockingLoader(this::load));
	}

	Mono<RateLimitDecision> acquire(ApiKey key) {
		PlanLimits planLimits = this.plans.of(key.plan());
		if (!this.shared.enabled()) {
			return acquireHere(key, planLimits);
		}
		if (!this.storeBreaker.tryAcquirePermission()) {
			return storeFailed(key, planLimits);
		}
		long started = System.nanoTime();
		return Mono
			.fromCallable(() -> this.sharedStore.acquire(key.id(), planLimits.requestsPerMinute(),
					planLimits.requestsPerDay(), this.clock.instant()))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.shared.timeout())
			.doOnNext((decision) -> this.storeBreaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS))
			.onErrorResume((ex) -> {
				this.storeBreaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, ex);
				log.debug("The shared rate-limit store did not answer", ex);
				return storeFailed(key, planLimits);
			});
	}

	private Mono<RateLimitDecision> storeFailed(ApiKey key, PlanLimits planLimits) {
		if (this.shared.onStoreFailure() == GatewayProperties.Shared.StoreFailure.OPEN) {
			this.failedOpen.increment();
			return acquireHere(key, planLimits);
		}
		this.failedClosed.increment();
		return Mono
			.just(RateLimitDecision.storeUnavailable(planLimits.requestsPerMinute(), planLimits.requestsPerDay()));
	}

	private Mono<RateLimitDecision> acquireHere(ApiKey key, PlanLimits planLimits) {
		LimitsKey limitsKey = new LimitsKey(key.id(), planLimits);
		CompletableFuture<Limits> known = this.limits.getIfPresent(limitsKey);
		if (known != null && known.isDone() && !known.isCompletedExceptionally()) {
			return Mono.just(acquire(known.join()));
		}
		return Mono.fromFuture(this.limits.get(limitsKey)).map(this::acquire);
	}

	private RateLimitDecision acquire(Limits limits) {
		long now = this.clock.millis();
		long epochDay = Math.floorDiv(now, MILLIS_PER_DAY);
		LocalDate today = LocalDate.ofEpochDay(epochDay);
		RateLimitDecision.Refusal refusedBy = null;
		DailyQuota.Outcome day = limits.day().tryAcquire(today);
		long dayRemaining = day.remaining();
		SlidingWindowRateLimiter.Window minute;
		if (!day.granted()) {
			refusedBy = RateLimitDecision.Refusal.DAY;
			minute = limits.minute().window();
		}
		else {
			minute = limits.minute().acquireOne();
			if (!minute.granted()) {
				limits.day().release(today);
				dayRemaining++;
				refusedBy = RateLimitDecision.Refusal.MINUTE;
			}
		}
		Duration untilMidnight = Duration.ofMillis((epochDay + 1) * MILLIS_PER_DAY - now);
		return new RateLimitDecision(refusedBy, minute.limit(), minute.remaining(),
				Duration.ofMillis(minute.millisUntilAllPermits()), Duration.ofMillis(minute.millisUntilNextPermit()),
				limits.day().limit(), dayRemaining, untilMidnight);
	}

	private static Counter storeFailures(MeterRegistry meters, String decision) {
		return Counter.builder("claimport.gateway.rate_limit.store_failures")
			.description("Requests the shared rate-limit store could not decide on, by what the gateway did instead")
			.tag("decision", decision)
			.register(meters);
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
	/**
	 * Stopped after the web server has drained the requests in flight (graceful
	 * shutdown), so the quota counts of the last requests are kept too.
	 */
	@Override
	public int getPhase() {
		return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 4096;
	}

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

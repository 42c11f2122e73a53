package io.claimport.gateway.lockout;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import io.claimport.gateway.GatewayProperties;
import io.claimport.gateway.web.HotPathCaches;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection: {@code max-failures} failed authentications (malformed,
 * unknown, revoked or expired key, wrong admin token) from one client within
 * {@code window} lock it out for {@code duration}. A success resets nothing: whoever
 * holds one valid key could otherwise go on guessing others between its own requests.
 * <p>
 * Whether a client is locked out is always answered from memory. In shared mode each
 * failure is also recorded in PostgreSQL, which decides the lockout for all replicas;
 * each replica reads the current lockouts every 250 ms.
 */
@Component
public class Lockouts {

	private static final Logger log = LoggerFactory.getLogger(Lockouts.class);

	private final GatewayProperties.Lockout policy;

	private final SharedLockoutStore shared;

	private final boolean sharedEnabled;

	private final Duration sharedTimeout;

	private final Clock clock;

	private final Cache<String, FailureHistory> histories;

	private final Counter lockouts;

	private volatile Map<String, Instant> sharedLockouts = Map.of();

	Lockouts(GatewayProperties properties, SharedLockoutStore shared, Clock clock, MeterRegistry meters) {
		this.policy = properties.lockout();
		this.shared = shared;
		this.sharedEnabled = properties.shared().enabled();
		this.sharedTimeout = properties.shared().timeout();
		this.clock = clock;
		this.histories = HotPathCaches.newBuilder()
			.maximumSize(1_000_000)
			.expireAfterAccess(this.policy.window().plus(this.policy.duration()))
			.build();
		this.lockouts = Counter.builder("claimport.gateway.lockouts")
			.description("Clients locked out after too many failed authentications")
			.register(meters);
	}

	/** How long the client stays locked out; empty when it is not. */
	public Optional<Duration> lockedFor(InetAddress client) {
		if (client == null || (this.histories.estimatedSize() == 0 && this.sharedLockouts.isEmpty())) {
			return Optional.empty();
		}
		String key = ClientKey.of(client);
		FailureHistory history = this.histories.getIfPresent(key);
		Instant until = (history != null) ? history.lockedUntil() : Instant.MIN;
		Instant sharedUntil = this.sharedLockouts.get(key);
		if (sharedUntil != null && sharedUntil.isAfter(until)) {
			until = sharedUntil;
		}
		Duration left = Duration.between(this.clock.instant(), until);
		return (left.isNegative() || left.isZero()) ? Optional.empty() : Optional.of(left);
	}

	/**
	 * Counts a failed authentication; completes once the lockout, if any, is in force.
	 */
	public Mono<Void> failed(InetAddress client) {
		if (client == null) {
			return Mono.empty();
		}
		String key = ClientKey.of(client);
		FailureHistory history = this.histories.get(key, (k) -> new FailureHistory());
		Instant now = this.clock.instant();
		Instant lockedUntil = history.failedAt(now, this.policy.maxFailures(), this.policy.window(),
				this.policy.duration());
		if (!this.sharedEnabled) {
			if (lockedUntil.isAfter(now)) {
				this.lockouts.increment();
			}
			return Mono.empty();
		}
		return Mono
			.fromCallable(() -> this.shared.failed(key, this.policy.maxFailures(), this.policy.window(),
					this.policy.duration()))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.sharedTimeout)
			.doOnNext((sharedUntil) -> sharedUntil.ifPresent((until) -> {
				history.lockUntil(until);
				this.lockouts.increment();
			}))
			.onErrorResume((ex) -> {
				log.warn(
						"Could not record a failed authentication in the shared store; counted on this replica only: {}",
						ex.toString());
				return Mono.empty();
			})
			.then();
	}

	@Scheduled(fixedDelayString = "${claimport.gateway.keys.change-poll-interval}")
	void readSharedLockouts() {
		if (!this.sharedEnabled) {
			return;
		}
		try {
			this.sharedLockouts = this.shared.current();
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the shared lockouts; keeping the last ones read: {}", ex.getMessage());
		}
	}

	@Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS)
	void deleteExpired() {
		if (this.sharedEnabled) {
			this.shared.deleteBefore(this.clock.instant().minus(this.policy.window().plus(this.policy.duration())));
		}
	}

}

package io.claimport.gateway.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts each key's use in memory and adds the counts to the database every
 * {@code claimport.gateway.usage.store-interval} (2 s), in one transaction: a request
 * never waits for a write, nor for another request counting the same key. A graceful stop
 * stores the last counts; a crash loses at most the counts of one interval (plus, while
 * the database is unreachable, the counts waiting for it). Reads add this replica's
 * counts not yet stored, so a key's own replica shows its use at once.
 */
@Component
public class UsageCounters implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(UsageCounters.class);

	private final UsageStore store;

	private final Clock clock;

	private final ConcurrentHashMap<KeyDay, Tally> tallies = new ConcurrentHashMap<>();

	/**
	 * Between taking the counts and committing them they are in neither place a read
	 * looks: a read waits for the store to finish (a request never does).
	 */
	private final ReadWriteLock storing = new ReentrantReadWriteLock();

	private volatile boolean running;

	UsageCounters(UsageStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	void record(String keyId, int status, String clientIp) {
		Instant now = this.clock.instant();
		tally(new KeyDay(keyId, LocalDate.ofInstant(now, ZoneOffset.UTC))).add(status, now, clientIp);
	}

	/** Today's use of each key (UTC), and its last use. */
	public Map<String, KeyUsage> today(Collection<String> keyIds) {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		this.storing.readLock().lock();
		try {
			Map<String, KeyUsage> usage = new HashMap<>(this.store.on(keyIds, today));
			for (String keyId : keyIds) {
				Tally pending = this.tallies.get(new KeyDay(keyId, today));
				if (pending != null) {
					usage.merge(keyId, pending.unstored(), KeyUsage::plus);
				}
			}
			return usage;
		}
		finally {
			this.storing.readLock().unlock();
		}
	}

	/**
	 * Reads stored usage with this replica's counts of today not yet stored: what
	 * {@code read} is given, by key, while no store is half-way (its counts taken but not
	 * committed, so in neither place).
	 */
	public <T> T withUnstoredToday(Function<Map<String, KeyUsage>, T> read) {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		this.storing.readLock().lock();
		try {
			Map<String, KeyUsage> pending = new HashMap<>();
			this.tallies.forEach((keyDay, tally) -> {
				KeyUsage unstored = tally.unstored();
				if (keyDay.day().equals(today) && !unstored.equals(KeyUsage.NONE)) {
					pending.put(keyDay.keyId(), unstored);
				}
			});
			return read.apply(pending);
		}
		finally {
			this.storing.readLock().unlock();
		}
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
	}

	@Scheduled(fixedDelayString = "${claimport.gateway.usage.store-interval}")
	void store() {
		this.storing.writeLock().lock();
		try {
			storeTaken();
		}
		finally {
			this.storing.writeLock().unlock();
		}
	}

	private void storeTaken() {
		Map<KeyDay, KeyUsage> batch = new HashMap<>();
		this.tallies.forEach((keyDay, tally) -> {
			KeyUsage taken = tally.take();
			if (!taken.equals(KeyUsage.NONE)) {
				batch.put(keyDay, taken);
			}
		});
		forgetPastDays();
		if (batch.isEmpty()) {
			return;
		}
		try {
			this.store.add(batch);
		}
		catch (RuntimeException ex) {
			log.warn("Could not store the usage of {} key(s); keeping it for the next try: {}", batch.size(),
					ex.getMessage());
			batch.forEach((keyDay, usage) -> tally(keyDay).giveBack(usage));
		}
	}

	/**
	 * Tallies of days before yesterday that have nothing left to store: no request can
	 * still be counting on them.
	 */
	private void forgetPastDays() {
		LocalDate yesterday = LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).minusDays(1);
		this.tallies.entrySet()
			.removeIf((entry) -> entry.getKey().day().isBefore(yesterday) && entry.getValue().isEmpty());
	}

	private Tally tally(KeyDay keyDay) {
		Tally tally = this.tallies.get(keyDay);
		return (tally != null) ? tally : this.tallies.computeIfAbsent(keyDay, (absent) -> new Tally());
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Stopped after the web server has drained the requests in flight (graceful
	 * shutdown), so the counts of the last requests are kept too.
	 */
	@Override
	public int getPhase() {
		return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 4096;
	}

	@Override
	public void stop() {
		store();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	record KeyDay(String keyId, LocalDate day) {

	}

	/**
	 * One key's counts on one day not yet stored. Requests on every event loop add to it
	 * at once, without a lock; the store takes the counts out, losing none.
	 */
	private static final class Tally {

		private final LongAdder requests = new LongAdder();

		private final LongAdder clientErrors = new LongAdder();

		private final LongAdder serverErrors = new LongAdder();

		private volatile LastUse lastUse = LastUse.NEVER;

		void add(int status, Instant at, String ip) {
			// the last use first: whoever sees the count sees a last use at least as new
			if (at.isAfter(this.lastUse.at())) {
				this.lastUse = new LastUse(at, ip);
			}
			if (status >= 500) {
				this.serverErrors.increment();
			}
			else if (status >= 400) {
				this.clientErrors.increment();
			}
			this.requests.increment();
		}

		/**
		 * A request counted while this runs may land half in these counts, half in the
		 * next: each count is taken exactly once all the same.
		 */
		KeyUsage take() {
			return usage(this.requests.sumThenReset(), this.clientErrors.sumThenReset(),
					this.serverErrors.sumThenReset());
		}

		KeyUsage unstored() {
			return usage(this.requests.sum(), this.clientErrors.sum(), this.serverErrors.sum());
		}

		void giveBack(KeyUsage usage) {
			this.requests.add(usage.requests());
			this.clientErrors.add(usage.clientErrors());
			this.serverErrors.add(usage.serverErrors());
		}

		boolean isEmpty() {
			return unstored().equals(KeyUsage.NONE);
		}

		private KeyUsage usage(long requests, long clientErrors, long serverErrors) {
			if (requests == 0 && clientErrors == 0 && serverErrors == 0) {
				return KeyUsage.NONE;
			}
			LastUse last = this.lastUse;
			return new KeyUsage(requests, clientErrors, serverErrors, last.at(), last.ip());
		}

	}

	private record LastUse(Instant at, String ip) {

		static final LastUse NEVER = new LastUse(Instant.MIN, null);

	}

}

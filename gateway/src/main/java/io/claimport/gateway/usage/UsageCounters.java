package io.claimport.gateway.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts each key's use in memory and adds the counts to the database every
 * {@code claimport.gateway.usage.store-interval} (2 s), in one transaction: a request
 * never waits for a write. A graceful stop stores the last counts; a crash loses at most
 * the counts of one interval (plus, while the database is unreachable, the counts waiting
 * for it). Reads add this replica's counts not yet stored, so a key's own replica shows
 * its use at once.
 */
@Component
public class UsageCounters implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(UsageCounters.class);

	private final UsageStore store;

	private final Clock clock;

	private final ConcurrentHashMap<KeyDay, KeyUsage> unstored = new ConcurrentHashMap<>();

	private volatile boolean running;

	UsageCounters(UsageStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	void record(String keyId, int status, String clientIp) {
		Instant now = this.clock.instant();
		this.unstored.merge(new KeyDay(keyId, LocalDate.ofInstant(now, ZoneOffset.UTC)),
				KeyUsage.of(status, now, clientIp), KeyUsage::plus);
	}

	/** Today's use of each key (UTC), and its last use. */
	public Map<String, KeyUsage> today(Collection<String> keyIds) {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		Map<String, KeyUsage> usage = new HashMap<>(this.store.on(keyIds, today));
		for (String keyId : keyIds) {
			KeyUsage pending = this.unstored.get(new KeyDay(keyId, today));
			if (pending != null) {
				usage.merge(keyId, pending, KeyUsage::plus);
			}
		}
		return usage;
	}

	@Scheduled(fixedDelayString = "${claimport.gateway.usage.store-interval}")
	void store() {
		Map<KeyDay, KeyUsage> batch = new HashMap<>();
		for (KeyDay keyDay : this.unstored.keySet()) {
			KeyUsage taken = this.unstored.remove(keyDay);
			if (taken != null) {
				batch.put(keyDay, taken);
			}
		}
		if (batch.isEmpty()) {
			return;
		}
		try {
			this.store.add(batch);
		}
		catch (RuntimeException ex) {
			log.warn("Could not store the usage of {} key(s); keeping it for the next try: {}", batch.size(),
					ex.getMessage());
			batch.forEach((keyDay, usage) -> this.unstored.merge(keyDay, usage, KeyUsage::plus));
		}
	}

	@Override
	public void start() {
		this.running = true;
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

}

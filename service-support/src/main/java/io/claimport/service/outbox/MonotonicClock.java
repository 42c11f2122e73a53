package io.claimport.service.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock in UTC, counting strictly up in steps of at least a microsecond within
 * this JVM. The outbox sends one aggregate's events in the order of their creation times,
 * which PostgreSQL keeps to the microsecond: two changes of one claim in the same
 * millisecond (or microsecond) would otherwise have no order, and could reach consumers
 * the wrong way round.
 */
public final class MonotonicClock extends Clock {

	private final Clock system;

	private final AtomicLong lastMicros;

	public MonotonicClock() {
		this(Clock.systemUTC(), new AtomicLong());
	}

	MonotonicClock(Clock system, AtomicLong lastMicros) {
		this.system = system;
		this.lastMicros = lastMicros;
	}

	@Override
	public Instant instant() {
		Instant now = this.system.instant();
		long nowMicros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
		long micros = this.lastMicros.updateAndGet((last) -> Math.max(nowMicros, last + 1));
		return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
	}

	@Override
	public long millis() {
		return instant().toEpochMilli();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MonotonicClock(this.system.withZone(zone), this.lastMicros);
	}

}

package io.claimport.service.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MonotonicClockTest {

	@Test
	void countsUpAMicrosecondAtATimeWhileTheSystemClockStandsStill() {
		Instant frozen = Instant.parse("2026-12-02T10:00:00.123456789Z");
		MonotonicClock clock = new MonotonicClock(Clock.fixed(frozen, ZoneOffset.UTC), new AtomicLong());

		Instant first = clock.instant();
		Instant second = clock.instant();
		Instant third = clock.instant();

		assertThat(first).isEqualTo(Instant.parse("2026-12-02T10:00:00.123456Z"));
		assertThat(second).isEqualTo(Instant.parse("2026-12-02T10:00:00.123457Z"));
		assertThat(third).isEqualTo(Instant.parse("2026-12-02T10:00:00.123458Z"));
	}

	@Test
	void neverGoesBackWhenTheSystemClockDoes() {
		AtomicLong last = new AtomicLong();
		Instant later = new MonotonicClock(Clock.fixed(Instant.parse("2026-12-02T10:00:01Z"), ZoneOffset.UTC), last)
			.instant();

		Instant afterStepBack = new MonotonicClock(Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC),
				last)
			.instant();

		assertThat(afterStepBack).isAfter(later);
	}

	@Test
	void followsTheSystemClockWhenItMovesOn() {
		MonotonicClock clock = new MonotonicClock();
		Instant before = Instant.now();

		assertThat(clock.instant()).isBetween(before.minusMillis(1), Instant.now().plusMillis(1));
	}

}

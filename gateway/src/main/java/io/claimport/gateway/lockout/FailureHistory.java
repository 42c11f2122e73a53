package io.claimport.gateway.lockout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** One client's recent failed authentications, and whether they have locked it out. */
final class FailureHistory {

	private final Deque<Instant> failures = new ArrayDeque<>();

	private Instant lockedUntil = Instant.MIN;

	synchronized Instant failedAt(Instant now, int maxFailures, Duration window, Duration lockout) {
		while (!this.failures.isEmpty() && !this.failures.peekFirst().isAfter(now.minus(window))) {
			this.failures.pollFirst();
		}
		this.failures.addLast(now);
		if (this.failures.size() >= maxFailures) {
			this.lockedUntil = now.plus(lockout);
			this.failures.clear();
		}
		return this.lockedUntil;
	}

	synchronized void lockUntil(Instant until) {
		if (until.isAfter(this.lockedUntil)) {
			this.lockedUntil = until;
		}
	}

	synchronized Instant lockedUntil() {
		return this.lockedUntil;
	}

}

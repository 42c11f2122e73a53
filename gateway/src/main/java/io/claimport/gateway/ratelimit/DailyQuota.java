package io.claimport.gateway.ratelimit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One key's requests per UTC day: it starts from what the database knew when the key was
 * first seen, counts the requests this replica grants, and hands out the counts not yet
 * stored, so they can be added to the database in batches. A new day starts at zero.
 */
final class DailyQuota {

	private final String keyId;

	private final long limit;

	private LocalDate day;

	private long used;

	private long unstored;

	private final List<QuotaStore.Increment> unstoredOfPastDays = new ArrayList<>();

	DailyQuota(String keyId, long limit, LocalDate day, long alreadyUsed) {
		this.keyId = keyId;
		this.limit = limit;
		this.day = day;
		this.used = alreadyUsed;
	}

	/** Takes one request from today's quota if one is left, and tells what is left. */
	synchronized Outcome tryAcquire(LocalDate today) {
		roll(today);
		if (this.used >= this.limit) {
			return new Outcome(false, 0);
		}
		this.used++;
		this.unstored++;
		return new Outcome(true, this.limit - this.used);
	}

	/** Gives back a request granted here that another limit then refused. */
	synchronized void release(LocalDate today) {
		if (today.equals(this.day) && this.unstored > 0) {
			this.used--;
			this.unstored--;
		}
	}

	long limit() {
		return this.limit;
	}

	/** What to add to the database; taken out, so each count is handed out once. */
	synchronized List<QuotaStore.Increment> takeUnstored() {
		List<QuotaStore.Increment> increments = new ArrayList<>(this.unstoredOfPastDays);
		this.unstoredOfPastDays.clear();
		if (this.unstored > 0) {
			increments.add(new QuotaStore.Increment(this.keyId, this.day, this.unstored));
			this.unstored = 0;
		}
		return increments;
	}

	private void roll(LocalDate today) {
		if (today.isAfter(this.day)) {
			if (this.unstored > 0) {
				this.unstoredOfPastDays.add(new QuotaStore.Increment(this.keyId, this.day, this.unstored));
			}
			this.day = today;
			this.used = 0;
			this.unstored = 0;
		}
	}

	/**
	 * @param granted whether the request got one from the quota
	 * @param remaining requests left today after it
	 */
	record Outcome(boolean granted, long remaining) {

	}

}

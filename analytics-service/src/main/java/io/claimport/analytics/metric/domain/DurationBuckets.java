package io.claimport.analytics.metric.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.LongStream;

/**
 * The histogram buckets the durations' percentiles are computed from, so that they can be
 * added up per day and month like counts: whole seconds, one bucket per second up to 64
 * s, then each bucket 1/64 as wide as where it starts (integer arithmetic, the same in
 * PostgreSQL: V5__rollup_months_and_durations.sql, {@code width_bucket}). A percentile
 * read from them is off by less than a bucket's width: under 1/64 (1.6 %) of the exact
 * one, and exact in whole seconds up to a minute.
 */
public final class DurationBuckets {

	/**
	 * Where the buckets stop growing: the last one holds everything from a century on.
	 */
	static final long LONGEST = 100L * 366 * 24 * 3600;

	/**
	 * Where each bucket but the first starts: bucket {@code i} holds
	 * {@code [LOWER[i-1], LOWER[i])}, bucket 0 whatever is under a second (a clock that
	 * went back included).
	 */
	private static final long[] LOWER = LongStream.iterate(1, (bound) -> bound < LONGEST, DurationBuckets::nextBound)
		.toArray();

	private DurationBuckets() {
	}

	private static long nextBound(long bound) {
		return bound + Math.max(1, bound / 64);
	}

	/** Where each bucket but the first starts, for {@code width_bucket}. */
	public static long[] lowerBounds() {
		return LOWER.clone();
	}

	/**
	 * The bucket of a duration of whole seconds: how many buckets start at or below it.
	 */
	public static int bucketOf(long seconds) {
		int found = Arrays.binarySearch(LOWER, seconds);
		return (found >= 0) ? found + 1 : -found - 1;
	}

	/**
	 * The percentile {@code p} (0 to 1) of the durations counted per bucket, interpolated
	 * as PostgreSQL's {@code percentile_cont} does between the durations of two ranks,
	 * each bucket's durations taken as spread evenly over its whole seconds; null for
	 * none.
	 */
	public static Long percentile(SortedMap<Integer, Long> counts, double p) {
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return null;
		}
		double rank = p * (total - 1);
		long below = (long) Math.floor(rank);
		double lower = durationOfRank(counts, below);
		double upper = (rank > below) ? durationOfRank(counts, below + 1) : lower;
		return Math.round(lower + (rank - below) * (upper - lower));
	}

	/** The duration of the {@code rank}-th shortest (from 0). */
	private static double durationOfRank(SortedMap<Integer, Long> counts, long rank) {
		long before = 0;
		for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
			long count = bucket.getValue();
			if (rank < before + count) {
				int index = bucket.getKey();
				if (index == 0) {
					return 0;
				}
				long first = LOWER[index - 1];
				long last = (index < LOWER.length) ? LOWER[index] - 1 : first;
				return first + (last - first) * ((rank - before) + 0.5) / count;
			}
			before += count;
		}
		throw new IllegalArgumentException("rank " + rank + " is beyond the " + before + " durations counted");
	}

}

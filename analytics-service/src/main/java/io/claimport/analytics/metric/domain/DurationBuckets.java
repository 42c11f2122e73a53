package io.claimport.analytics.metric.domain;

import java.util.Arrays;
import java.util.List;
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
	 * The percentile {@code p} (0 to 1) of {@code total} durations from their buckets, or
	 * from those at least that hold the two ranks it lies between (a query need not read
	 * the others): interpolated as PostgreSQL's {@code percentile_cont} does between the
	 * durations of two ranks, each bucket's durations taken as spread evenly over its
	 * whole seconds; null for none.
	 */
	public static Long percentile(List<Counted> buckets, long total, double p) {
		if (total == 0) {
			return null;
		}
		double rank = p * (total - 1);
		long below = (long) Math.floor(rank);
		double lower = durationOfRank(buckets, below);
		double upper = (rank > below) ? durationOfRank(buckets, below + 1) : lower;
		return Math.round(lower + (rank - below) * (upper - lower));
	}

	/** The duration of the {@code rank}-th shortest (from 0). */
	private static double durationOfRank(List<Counted> buckets, long rank) {
		for (Counted bucket : buckets) {
			if (bucket.before() <= rank && rank < bucket.before() + bucket.count()) {
				if (bucket.bucket() == 0) {
					return 0;
				}
				long first = LOWER[bucket.bucket() - 1];
				long last = (bucket.bucket() < LOWER.length) ? LOWER[bucket.bucket()] - 1 : first;
				return first + (last - first) * ((rank - bucket.before()) + 0.5) / bucket.count();
			}
		}
		throw new IllegalArgumentException("no bucket given holds the duration of rank " + rank);
	}

	/**
	 * A bucket's count of durations, and how many shorter ones the buckets before it
	 * hold.
	 */
	public record Counted(int bucket, long before, long count) {

	}

}

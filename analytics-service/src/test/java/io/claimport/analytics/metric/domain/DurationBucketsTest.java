package io.claimport.analytics.metric.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DurationBucketsTest {

	@Test
	void everySecondUpToAMinuteHasItsOwnBucketAndLongerBucketsGrowByAFraction() {
		assertThat(DurationBuckets.bucketOf(-5)).isZero();
		assertThat(DurationBuckets.bucketOf(0)).isZero();
		assertThat(DurationBuckets.bucketOf(1)).isEqualTo(1);
		assertThat(DurationBuckets.bucketOf(64)).isEqualTo(64);
		long[] lower = DurationBuckets.lowerBounds();
		assertThat(lower).startsWith(1, 2, 3).isSorted();
		for (int i = 1; i < lower.length; i++) {
			assertThat(lower[i] - lower[i - 1]).isEqualTo(Math.max(1, lower[i - 1] / 64));
			assertThat(DurationBuckets.bucketOf(lower[i] - 1)).isEqualTo(i);
			assertThat(DurationBuckets.bucketOf(lower[i])).isEqualTo(i + 1);
		}
		// a century and more: the last bucket
		assertThat(DurationBuckets.bucketOf(Long.MAX_VALUE)).isEqualTo(lower.length);
	}

	@Test
	void percentilesAreExactUnderAMinuteAndWithinOneSixtyFourthAbove() {
		assertThat(percentile(histogram(10, 20, 30), 0.5)).isEqualTo(20);
		assertThat(percentile(histogram(10, 20, 30), 0.9)).isEqualTo(28);
		assertThat(percentile(new TreeMap<>(), 0.5)).isNull();

		Random random = new Random(7);
		for (int run = 0; run < 200; run++) {
			long[] durations = new long[1 + random.nextInt(500)];
			for (int i = 0; i < durations.length; i++) {
				durations[i] = 60 + (long) (random.nextDouble() * random.nextDouble() * 3_000_000);
			}
			for (double p : new double[] { 0.5, 0.9 }) {
				double exact = percentileCont(durations, p);
				assertThat((double) percentile(histogram(durations), p)).as("p%s of %s", p, Arrays.toString(durations))
					.isCloseTo(exact, within(exact / 64 + 1));
			}
		}
	}

	@Test
	void theBucketsAroundThePercentilesRanksAloneGiveThePercentile() {
		SortedMap<Integer, Long> histogram = histogram(5, 70, 70, 3_600, 3_700, 7_200, 86_400, 90_000, 200_000,
				1_000_000);
		List<DurationBuckets.Counted> buckets = counted(histogram);
		// ranks 4 and 5 for the median, 8 and 9 for the 90th percentile of ten
		List<DurationBuckets.Counted> around = buckets.stream()
			.filter((bucket) -> bucket.before() <= 5 && bucket.before() + bucket.count() > 4
					|| bucket.before() <= 9 && bucket.before() + bucket.count() > 8)
			.toList();

		assertThat(around).hasSizeLessThan(buckets.size());
		assertThat(DurationBuckets.percentile(around, 10, 0.5)).isEqualTo(percentile(histogram, 0.5));
		assertThat(DurationBuckets.percentile(around, 10, 0.9)).isEqualTo(percentile(histogram, 0.9));
	}

	@Test
	void aClockThatWentBackCountsAsNoTimeAtAll() {
		assertThat(percentile(histogram(-30, -30, 40), 0.5)).isZero();
	}

	/** The percentile from every bucket of the histogram. */
	private static Long percentile(SortedMap<Integer, Long> histogram, double p) {
		long total = histogram.values().stream().mapToLong(Long::longValue).sum();
		return DurationBuckets.percentile(counted(histogram), total, p);
	}

	private static List<DurationBuckets.Counted> counted(SortedMap<Integer, Long> histogram) {
		List<DurationBuckets.Counted> buckets = new ArrayList<>();
		long before = 0;
		for (var bucket : histogram.entrySet()) {
			buckets.add(new DurationBuckets.Counted(bucket.getKey(), before, bucket.getValue()));
			before += bucket.getValue();
		}
		return buckets;
	}

	private static SortedMap<Integer, Long> histogram(long... durations) {
		SortedMap<Integer, Long> histogram = new TreeMap<>();
		for (long duration : durations) {
			histogram.merge(DurationBuckets.bucketOf(duration), 1L, Long::sum);
		}
		return histogram;
	}

	/** PostgreSQL's percentile_cont. */
	private static double percentileCont(long[] durations, double p) {
		long[] sorted = durations.clone();
		Arrays.sort(sorted);
		double rank = p * (sorted.length - 1);
		int below = (int) Math.floor(rank);
		int above = (int) Math.ceil(rank);
		return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
	}

}

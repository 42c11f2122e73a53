package io.claimport.analytics.metric.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.claimport.analytics.metric.domain.Rollup.Grain;
import io.claimport.analytics.metric.domain.Rollup.Key;
import io.claimport.analytics.metric.domain.Rollup.Measure;
import io.claimport.analytics.metric.domain.Rollup.Span;
import io.claimport.analytics.metric.domain.Rollup.Tally;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollupsTest {

	static final Instant FILED = Instant.parse("2026-11-03T10:07:31Z");

	static final Instant DECIDED = Instant.parse("2026-11-04T23:59:59Z");

	@Test
	void aSlotIsTheQuarterHourTheUtcDayOrTheUtcMonthHoldingTheInstant() {
		assertThat(Grain.QUARTER_HOUR.slotOf(FILED)).isEqualTo(Instant.parse("2026-11-03T10:00:00Z"));
		assertThat(Grain.DAY.slotOf(FILED)).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
		assertThat(Grain.MONTH.slotOf(FILED)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(Grain.MONTH.next(Instant.parse("2026-02-01T00:00:00Z")))
			.isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
		assertThat(Grain.MONTH.starts(Instant.parse("2026-11-01T00:00:00Z"))).isTrue();
		assertThat(Grain.MONTH.starts(Instant.parse("2026-11-02T00:00:00Z"))).isFalse();
		assertThat(Grain.QUARTER_HOUR.slotOf(Instant.parse("1969-12-31T23:59:59Z")))
			.isEqualTo(Instant.parse("1969-12-31T23:45:00Z"));
		assertThat(Grain.QUARTER_HOUR.starts(Instant.parse("2026-11-03T04:30:00Z"))).isTrue();
		assertThat(Grain.QUARTER_HOUR.starts(Instant.parse("2026-11-03T04:30:00.001Z"))).isFalse();
		assertThat(Grain.DAY.starts(Instant.parse("2026-11-03T04:30:00Z"))).isFalse();
	}

	@Test
	void aRangeIsCoveredByItsWholeMonthsThenItsWholeDaysThenItsQuarterHoursThenWhatIsLeft() {
		List<String> cover = Span.cover(Instant.parse("2026-09-29T22:07:00Z"), Instant.parse("2026-12-02T04:30:00Z"))
			.stream()
			.map((span) -> ((span.grain() != null) ? span.grain().code() : "facts") + " " + span.from() + " "
					+ span.to())
			.toList();

		assertThat(cover).containsExactly("facts 2026-09-29T22:07:00Z 2026-09-29T22:15:00Z",
				"15m 2026-09-29T22:15:00Z 2026-09-30T00:00:00Z", "day 2026-09-30T00:00:00Z 2026-10-01T00:00:00Z",
				"mon 2026-10-01T00:00:00Z 2026-12-01T00:00:00Z", "day 2026-12-01T00:00:00Z 2026-12-02T00:00:00Z",
				"15m 2026-12-02T00:00:00Z 2026-12-02T04:30:00Z");
		// a New York day: no whole UTC day in it
		assertThat(Span.cover(Instant.parse("2026-11-03T05:00:00Z"), Instant.parse("2026-11-04T05:00:00Z")))
			.extracting(Span::grain)
			.containsExactly(Grain.QUARTER_HOUR);
		assertThat(Span.cover(FILED, FILED)).isEmpty();
	}

	@Test
	void aRangeCoveredByDifferenceReadsWholeDaysAndMonthsLessWhatLiesOutsideWhereThatReadsFewerQuarterHours() {
		// a New York day in winter: the first UTC day less its first five hours, plus the
		// first five hours of the next
		assertThat(differences(Instant.parse("2026-11-03T05:00:00Z"), Instant.parse("2026-11-04T05:00:00Z")))
			.containsExactlyInAnyOrder("+ day 2026-11-03T00:00:00Z 2026-11-04T00:00:00Z",
					"- 15m 2026-11-03T00:00:00Z 2026-11-03T05:00:00Z",
					"+ 15m 2026-11-04T00:00:00Z 2026-11-04T05:00:00Z");
		// a year from the 7th: December less six days, not 25 days of it
		assertThat(differences(Instant.parse("2025-12-07T00:00:00Z"), Instant.parse("2026-12-08T00:00:00Z")))
			.containsExactlyInAnyOrder("+ mon 2025-12-01T00:00:00Z 2026-12-01T00:00:00Z",
					"+ day 2026-12-01T00:00:00Z 2026-12-08T00:00:00Z",
					"- day 2025-12-01T00:00:00Z 2025-12-07T00:00:00Z");
		// nothing to gain: the plain cover
		assertThat(Span.coverByDifference(Instant.parse("2026-11-03T10:00:00Z"), Instant.parse("2026-11-03T12:00:00Z")))
			.isEqualTo(Span.cover(Instant.parse("2026-11-03T10:00:00Z"), Instant.parse("2026-11-03T12:00:00Z")));
	}

	@Test
	void aFiledClaimCountsOnceInTotalAndInEachBreakdownAtEveryGrain() {
		Map<Key, Tally> tallies = Rollups.ofClaim(claim("NEW", null, null));

		assertThat(tallies).hasSize(3 * 7).allSatisfy((key, tally) -> {
			assertThat(key.measure()).isEqualTo(Measure.CLAIMS);
			assertThat(tally).isEqualTo(Tally.ONE);
		});
		assertThat(tallies).containsKey(new Key(Measure.CLAIMS, Grain.QUARTER_HOUR, "issueType",
				Instant.parse("2026-11-03T10:00:00Z"), "DAMAGED", null));
		// no requested resolution: counted as none
		assertThat(tallies).containsKey(new Key(Measure.CLAIMS, Grain.DAY, "requestedResolution",
				Instant.parse("2026-11-03T00:00:00Z"), "", ""));
	}

	@Test
	void aDecisionMovesTheClaimsStateAndCountsItAsDecidedWhenFirstDecided() {
		Rollups rollups = new Rollups().subtract(Rollups.ofClaim(claim("NEW", null, null)))
			.add(Rollups.ofClaim(claim("DENIED", DECIDED, "DENIED")));

		assertThat(changes(rollups, Grain.DAY)).containsExactlyInAnyOrder("claims state 2026-11-03T00:00:00Z DENIED  1",
				"claims state 2026-11-03T00:00:00Z NEW  -1", "decisions  2026-11-04T00:00:00Z  DENIED 1",
				"decisions claimCategory 2026-11-04T00:00:00Z  DENIED 1",
				"decisions claimType 2026-11-04T00:00:00Z DAMAGED DENIED 1",
				"decisions issueType 2026-11-04T00:00:00Z DAMAGED DENIED 1",
				"decisions requestedResolution 2026-11-04T00:00:00Z  DENIED 1",
				"decisions salesChannel 2026-11-04T00:00:00Z ONLINE DENIED 1",
				"decisions state 2026-11-04T00:00:00Z DENIED DENIED 1",
				// 1 day 13 h 52 min 28 s after filing
				"decision-times  2026-11-04T00:00:00Z  " + DurationBuckets.bucketOf(136_348) + " 1",
				"decision-times claimType 2026-11-04T00:00:00Z DAMAGED " + DurationBuckets.bucketOf(136_348) + " 1",
				"decision-times claimCategory 2026-11-04T00:00:00Z  " + DurationBuckets.bucketOf(136_348) + " 1",
				"decision-times issueType 2026-11-04T00:00:00Z DAMAGED " + DurationBuckets.bucketOf(136_348) + " 1",
				"decision-times salesChannel 2026-11-04T00:00:00Z ONLINE " + DurationBuckets.bucketOf(136_348) + " 1");
	}

	@Test
	void aResolvedClaimsTimeToResolutionIsCountedPerDayAndMonthButNotPerQuarterHour() {
		ClaimFacts approved = claim("APPROVED", DECIDED, "APPROVED");
		ClaimFacts resolved = new ClaimFacts(FILED, "RESOLVED", "DAMAGED", null, "DAMAGED", "ONLINE", null, DECIDED,
				"APPROVED", DECIDED.plusSeconds(3600));
		Rollups rollups = new Rollups().subtract(Rollups.ofClaim(approved)).add(Rollups.ofClaim(resolved));

		assertThat(rollups.changes()).allSatisfy((change) -> {
			// the claim's state moved; and its resolution's time counted
			assertThat(change.getKey().measure()).isIn(Measure.CLAIMS, Measure.DECISIONS, Measure.RESOLUTION_TIMES);
			assertThat(change.getKey().grain()).isNotNull();
		});
		assertThat(changes(rollups, Grain.MONTH)).contains(
				"resolution-times  2026-11-01T00:00:00Z  " + DurationBuckets.bucketOf(139_948) + " 1",
				"claims state 2026-11-01T00:00:00Z RESOLVED  1", "claims state 2026-11-01T00:00:00Z APPROVED  -1");
		assertThat(changes(rollups, Grain.QUARTER_HOUR)).noneMatch((change) -> change.startsWith("resolution-times"));
	}

	@Test
	void anAppealThatApprovesADeniedClaimMovesItsDecisionButNotWhenItWasFirstDecided() {
		Rollups rollups = new Rollups().subtract(Rollups.ofClaim(claim("DENIED", DECIDED, "DENIED")))
			.add(Rollups.ofClaim(claim("APPROVED", DECIDED, "APPROVED")));

		assertThat(changes(rollups, Grain.QUARTER_HOUR))
			.contains("decisions  2026-11-04T23:45:00Z  APPROVED 1", "decisions  2026-11-04T23:45:00Z  DENIED -1",
					"claims state 2026-11-03T10:00:00Z APPROVED  1", "claims state 2026-11-03T10:00:00Z DENIED  -1")
			.noneMatch((change) -> change.startsWith("claims  "))
			.hasSize(2 + 2 * 7);
	}

	@Test
	void anOrderMovedToAnotherDayForAnotherTotalMovesItsCountAndItsAmount() {
		Rollups rollups = new Rollups()
			.subtract(
					Rollups.ofOrder(Instant.parse("2026-11-02T15:00:00Z"), "DELIVERED", new BigDecimal("20.00"), "USD"))
			.add(Rollups.ofOrder(Instant.parse("2026-11-01T15:00:00Z"), "DELIVERED", new BigDecimal("25.50"), "USD"));

		assertThat(changes(rollups, Grain.DAY)).containsExactlyInAnyOrder("orders  2026-11-01T00:00:00Z  USD 1 25.50",
				"orders  2026-11-02T00:00:00Z  USD -1 -20.00",
				"orders status 2026-11-01T00:00:00Z DELIVERED USD 1 25.50",
				"orders status 2026-11-02T00:00:00Z DELIVERED USD -1 -20.00");
	}

	@Test
	void aChangeThatLeavesTheTalliesAsTheyWereChangesNothing() {
		Rollups rollups = new Rollups().subtract(Rollups.ofClaim(claim("NEW", null, null)))
			.add(Rollups.ofClaim(claim("NEW", null, null)));

		assertThat(rollups.changes()).isEmpty();
	}

	@Test
	void aClaimOrOrderCountsOnceForEachSkuItNames() {
		Map<Key, Tally> tallies = Rollups.ofSkus(Measure.CLAIM_SKUS, FILED,
				java.util.Arrays.asList("SKU-A", "SKU-A", "SKU-B", null));

		assertThat(tallies).hasSize(3 * 3).containsValue(Tally.ONE).doesNotContainValue(new Tally(2, BigDecimal.ZERO));
	}

	@Test
	void changesComeInTheTablesKeyOrderSoThatTwoWritersLockRowsInTheSameOrder() {
		Rollups rollups = new Rollups()
			.add(Rollups.ofMoney(Measure.RESOLUTIONS, Dimension.RESOLUTION_TYPE, FILED, "REFUND", BigDecimal.TEN,
					"USD"))
			.add(Rollups.ofClaim(claim("NEW", null, null)));

		List<Key> keys = rollups.changes().stream().map(Map.Entry::getKey).toList();
		assertThat(keys).isSorted();
		assertThat(keys.get(0).measure()).isEqualTo(Measure.CLAIMS);
		assertThat(keys.get(keys.size() - 1).measure()).isEqualTo(Measure.RESOLUTIONS);
	}

	private static ClaimFacts claim(String state, Instant decidedAt, String decision) {
		return new ClaimFacts(FILED, state, "DAMAGED", null, "DAMAGED", "ONLINE", null, decidedAt, decision, null);
	}

	private static List<String> differences(Instant from, Instant to) {
		return Span.coverByDifference(from, to)
			.stream()
			.map((span) -> ((span.sign() > 0) ? "+ " : "- ") + ((span.grain() != null) ? span.grain().code() : "facts")
					+ " " + span.from() + " " + span.to())
			.toList();
	}

	private static List<String> changes(Rollups rollups, Grain grain) {
		return rollups.changes().stream().filter((change) -> change.getKey().grain() == grain).map((change) -> {
			Key key = change.getKey();
			Tally tally = change.getValue();
			return key.measure().code() + " " + key.dimension() + " " + key.slot() + " " + key.value() + " "
					+ key.detail() + " " + tally.count()
					+ ((tally.amount().signum() != 0) ? " " + tally.amount().toPlainString() : "");
		}).toList();
	}

}

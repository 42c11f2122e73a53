package io.claimport.analytics.metric.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricAnswerTest {

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

	@Test
	void fillsEveryPeriodOfASeriesForEveryGroupInTheTotalsOrder() {
		MetricQuery query = query(Metric.CLAIMS, Dimension.ISSUE_TYPE, 3, Interval.DAY, 10);
		MetricAnswer answer = MetricAnswer
			.of(query, null,
					List.of(MetricRow.counted(null, "STOLEN", null, 1), MetricRow.counted(null, "DAMAGED", null, 4)))
			.withSeries(List.of(MetricRow.counted(MONDAY.plusDays(1), "DAMAGED", null, 4),
					MetricRow.counted(MONDAY, "STOLEN", null, 1)));

		assertThat(answer.total()).extracting(MetricRow::group).containsExactly("DAMAGED", "STOLEN");
		assertThat(answer.series()).extracting(MetricRow::period, MetricRow::group, MetricRow::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(MONDAY, "DAMAGED", 0L),
					org.assertj.core.groups.Tuple.tuple(MONDAY, "STOLEN", 1L),
					org.assertj.core.groups.Tuple.tuple(MONDAY.plusDays(1), "DAMAGED", 4L),
					org.assertj.core.groups.Tuple.tuple(MONDAY.plusDays(1), "STOLEN", 0L),
					org.assertj.core.groups.Tuple.tuple(MONDAY.plusDays(2), "DAMAGED", 0L),
					org.assertj.core.groups.Tuple.tuple(MONDAY.plusDays(2), "STOLEN", 0L));
	}

	@Test
	void keepsTheLargestGroupsAndSaysHowManyItLeftOut() {
		MetricAnswer answer = MetricAnswer.of(query(Metric.CLAIM_RATE, Dimension.SKU, 1, null, 2), null,
				List.of(MetricRow.ratio(null, "A", 1, 10), MetricRow.ratio(null, "B", 5, 50),
						MetricRow.ratio(null, "C", 9, 30)));

		// a rate's groups are ranked by their denominator: what the rate is of
		assertThat(answer.total()).extracting(MetricRow::group).containsExactly("B", "C");
		assertThat(answer.omittedGroups()).isEqualTo(1);
	}

	@Test
	void answersZeroForACountWhereNothingHappenedButNoRowsForMoney() {
		assertThat(MetricAnswer.of(query(Metric.CLAIMS, null, 1, null, 10), null, List.of()).total()).singleElement()
			.satisfies((row) -> assertThat(row.count()).isZero());
		assertThat(MetricAnswer.of(query(Metric.APPROVAL_RATE, null, 1, null, 10), null, List.of()).total())
			.singleElement()
			.satisfies((row) -> assertThat(row.rate()).isNull());
		assertThat(MetricAnswer.of(query(Metric.ORDER_VALUE, null, 1, null, 10), null, List.of()).total()).isEmpty();
	}

	@Test
	void ranksTopSkusByClaimsThenRateOrByRateLeavingOutSkusNotOrdered() {
		List<MetricRow> skus = List.of(MetricRow.ratio(null, "A", 2, 3), MetricRow.ratio(null, "B", 2, 2),
				MetricRow.ratio(null, "C", 1, 0), MetricRow.ratio(null, "D", 1, 4));

		MetricAnswer byClaims = MetricAnswer.of(query(Metric.TOP_SKUS, null, 1, null, 10), null, skus);
		MetricAnswer byRate = MetricAnswer
			.of(new MetricQuery(Metric.TOP_SKUS, MONDAY.atStartOfDay().toInstant(ZoneOffset.UTC),
					MONDAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC, null, null, 10, true),
					null, skus);

		assertThat(byClaims.total()).extracting(MetricRow::group).containsExactly("B", "A", "D", "C");
		assertThat(byRate.total()).extracting(MetricRow::group).containsExactly("B", "A", "D");
	}

	@Test
	void carriesTheProductOfASkuIntoEachPeriodOfItsSeries() {
		MetricRow.Product rake = new MetricRow.Product("prod_1", "Rake", "Garden");
		MetricAnswer answer = MetricAnswer
			.of(query(Metric.CLAIMS, Dimension.SKU, 2, Interval.DAY, 10), Instant.EPOCH,
					List.of(MetricRow.counted(null, "R-1", null, 3)))
			.withProducts(Map.of("R-1", rake))
			.withSeries(List.of());

		assertThat(answer.series()).extracting(MetricRow::product).containsExactly(rake, rake);
	}

	@Test
	void dividesToFourPlaces() {
		assertThat(MetricRow.ratio(null, null, 2, 3).rate()).isEqualTo(new BigDecimal("0.6667"));
		assertThat(MetricRow.ratio(null, null, 0, 0).rate()).isNull();
	}

	private static MetricQuery query(Metric metric, Dimension by, int days, Interval interval, int limit) {
		return new MetricQuery(metric, MONDAY.atStartOfDay().toInstant(ZoneOffset.UTC),
				MONDAY.plusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC, interval, by, limit,
				false);
	}

}

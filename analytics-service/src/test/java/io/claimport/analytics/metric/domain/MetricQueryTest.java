package io.claimport.analytics.metric.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricQueryTest {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void cutsDaysAtMidnightOfTheZoneAcrossAClockChange() {
		// the clocks went back in Berlin on 25 October 2026: that day has 25 hours
		MetricQuery query = query(day(2026, 10, 24), day(2026, 10, 27), Interval.DAY);

		assertThat(query.periods()).containsExactly(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 25),
				LocalDate.of(2026, 10, 26));
		assertThat(query.periodCount()).isEqualTo(3);
	}

	@Test
	void startsWeeksOnMondayAndMonthsOnTheFirstEvenWhenTheRangeDoesNot() {
		MetricQuery weeks = query(day(2026, 11, 4), day(2026, 11, 20), Interval.WEEK);
		MetricQuery months = query(day(2026, 1, 15), day(2026, 3, 2), Interval.MONTH);

		assertThat(weeks.periods()).containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9),
				LocalDate.of(2026, 11, 16));
		assertThat(months.periods()).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1),
				LocalDate.of(2026, 3, 1));
		assertThat(months.periodCount()).isEqualTo(3);
	}

	@Test
	void hasNoSeriesWithoutAnInterval() {
		assertThat(query(day(2026, 1, 1), day(2026, 2, 1), null).periods()).isEmpty();
	}

	@Test
	void refusesAnEmptyRangeAndABreakdownTheMetricHasNot() {
		assertThatThrownBy(() -> query(day(2026, 2, 1), day(2026, 2, 1), null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new MetricQuery(Metric.ORDERS, day(2026, 1, 1), day(2026, 2, 1), ZoneOffset.UTC, null,
				Dimension.ISSUE_TYPE, 10, false))
			.hasMessageContaining("issueType");
	}

	private static MetricQuery query(Instant from, Instant to, Interval interval) {
		return new MetricQuery(Metric.CLAIMS, from, to, BERLIN, interval, null, MetricQuery.DEFAULT_LIMIT, false);
	}

	private static Instant day(int year, int month, int day) {
		return LocalDate.of(year, month, day).atStartOfDay(BERLIN).toInstant();
	}

}

package io.claimport.analytics.metric.web;

import java.time.Instant;
import java.time.ZoneId;

import io.claimport.analytics.metric.domain.Dimension;
import io.claimport.analytics.metric.domain.Interval;
import io.claimport.analytics.metric.domain.Metric;
import io.claimport.analytics.metric.domain.MetricQuery;
import io.claimport.common.problem.FieldViolation;
import io.claimport.service.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MetricParametersTest {

	static final Instant NOW = Instant.parse("2026-12-07T10:15:00Z");

	@Test
	void defaultsToTheLast30DaysUpToTheEndOfTodayInUtc() {
		MetricQuery query = read("claims", null, null, null, null, null, null, null);

		assertThat(query.to()).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
		assertThat(query.from()).isEqualTo(Instant.parse("2026-11-08T00:00:00Z"));
		assertThat(query.zone()).isEqualTo(ZoneId.of("Z"));
		assertThat(query.limit()).isEqualTo(MetricQuery.DEFAULT_LIMIT);
	}

	@Test
	void readsDaysInTheZoneWithTheLastDayWholeAndInstantsAsGiven() {
		MetricQuery days = read("claim-rate", "2026-11-01", "2026-11-30", "week", "Asia/Kolkata", "category", "5",
				null);
		MetricQuery instants = read("claims", "2026-11-01T08:00:00+01:00", "2026-11-02T00:00:00Z", null, null, null,
				null, null);

		assertThat(days.from()).isEqualTo(Instant.parse("2026-10-31T18:30:00Z"));
		assertThat(days.to()).isEqualTo(Instant.parse("2026-11-30T18:30:00Z"));
		assertThat(days.interval()).isEqualTo(Interval.WEEK);
		assertThat(days.by()).isEqualTo(Dimension.CATEGORY);
		assertThat(days.limit()).isEqualTo(5);
		assertThat(instants.from()).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
	}

	@Test
	void namesEveryBadParameterAtOnce() {
		InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
				() -> read("claims", "yesterday", null, "hourly", "Mars/Olympus", "colour", "5000", "claimRate"));

		assertThat(refused.violations()).extracting(FieldViolation::field)
			.containsExactlyInAnyOrder("tz", "interval", "by", "limit", "rank");
		assertThat(refused.violations()).filteredOn((violation) -> violation.field().equals("by"))
			.singleElement()
			.satisfies((violation) -> assertThat(violation.message()).contains("state", "issueType", "sku"));
	}

	@Test
	void suggestsTheMetricProbablyMeant() {
		InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
				() -> read("aproval-rate", null, null, null, null, null, null, null));

		assertThat(refused.violations()).singleElement().satisfies((violation) -> {
			assertThat(violation.field()).isEqualTo("name");
			assertThat(violation.message()).contains("did you mean 'approval-rate'");
		});
	}

	@Test
	void refusesARangeThatEndsBeforeItStartsOrASeriesTooLong() {
		InvalidRequestException backwards = catchThrowableOfType(InvalidRequestException.class,
				() -> read("claims", "2026-11-05", "2026-11-01", null, null, null, null, null));
		InvalidRequestException tooLong = catchThrowableOfType(InvalidRequestException.class,
				() -> read("claims", "2020-01-01", "2026-01-01", "day", null, null, null, null));

		assertThat(backwards.violations()).extracting(FieldViolation::field).containsExactly("to");
		assertThat(tooLong.violations()).extracting(FieldViolation::rule).containsExactly("maxPeriods");
		// the day to names is in the range: January 2026 is the 73rd month
		assertThat(read("claims", "2020-01-01", "2026-01-01", "month", null, null, null, null).periodCount())
			.isEqualTo(73);
	}

	@Test
	void ranksOnlyTopSkus() {
		assertThat(read("top-skus", null, null, null, null, null, null, "claimRate").rankByRate()).isTrue();
		assertThat(read("top-skus", null, null, null, null, null, null, null).metric()).isEqualTo(Metric.TOP_SKUS);
	}

	private static MetricQuery read(String name, String from, String to, String interval, String tz, String by,
			String limit, String rank) {
		return MetricParameters.read(name, from, to, interval, tz, by, limit, rank, NOW);
	}

}

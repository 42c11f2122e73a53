package io.claimport.analytics.metric.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The length of a time series' periods, in the caller's time zone: a calendar day, an ISO
 * week (from Monday) or a calendar month, as PostgreSQL's {@code date_trunc} cuts them.
 */
public enum Interval {

	DAY, WEEK, MONTH;

	public String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Interval> byParameter(String parameter) {
		return Arrays.stream(values()).filter((interval) -> interval.parameter().equals(parameter)).findFirst();
	}

	/** The first day of the period {@code day} falls in. */
	public LocalDate periodOf(LocalDate day) {
		return switch (this) {
			case DAY -> day;
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
		};
	}

	/** The first day of the period after the one starting on {@code start}. */
	public LocalDate next(LocalDate start) {
		return switch (this) {
			case DAY -> start.plusDays(1);
			case WEEK -> start.plusWeeks(1);
			case MONTH -> start.plusMonths(1);
		};
	}

}

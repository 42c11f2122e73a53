package io.claimport.analytics.metric.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One metric asked for, already checked: over {@code [from, to)}, in a time zone, as a
 * total and, with an interval, as a series of periods; broken down {@code by} a dimension
 * or not; at most {@code limit} groups (or SKUs, for top-skus).
 *
 * @param rankByRate for top-skus: rank by claim rate rather than by claims
 */
public record MetricQuery(Metric metric, Instant from, Instant to, ZoneId zone, Interval interval, Dimension by,
		int limit, boolean rankByRate) {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 1000;

	/** The most periods a series may have: ten years of months, almost three of days. */
	public static final int MAX_PERIODS = 1000;

	public MetricQuery {
		Objects.requireNonNull(metric, "metric");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(zone, "zone");
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("from must be before to");
		}
		if (by != null && !metric.dimensions().contains(by)) {
			throw new IllegalArgumentException(metric.metricName() + " has no breakdown by " + by.parameter());
		}
	}

	/**
	 * The first day of each period of the series, in order; empty without an interval.
	 */
	public List<LocalDate> periods() {
		List<LocalDate> periods = new ArrayList<>();
		if (this.interval == null) {
			return periods;
		}
		LocalDate start = this.interval.periodOf(LocalDate.ofInstant(this.from, this.zone));
		while (start.atStartOfDay(this.zone).toInstant().isBefore(this.to)) {
			periods.add(start);
			start = this.interval.next(start);
		}
		return periods;
	}

	/** How many periods the series has, counted without listing them. */
	public long periodCount() {
		if (this.interval == null) {
			return 0;
		}
		LocalDate first = this.interval.periodOf(LocalDate.ofInstant(this.from, this.zone));
		LocalDate last = this.interval.periodOf(LocalDate.ofInstant(this.to.minusNanos(1), this.zone));
		return switch (this.interval) {
			case DAY -> first.until(last, java.time.temporal.ChronoUnit.DAYS) + 1;
			case WEEK -> first.until(last, java.time.temporal.ChronoUnit.WEEKS) + 1;
			case MONTH -> first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
		};
	}

}

package io.claimport.analytics.metric.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.claimport.analytics.metric.domain.Dimension;
import io.claimport.analytics.metric.domain.Interval;
import io.claimport.analytics.metric.domain.Metric;
import io.claimport.analytics.metric.domain.MetricQuery;
import io.claimport.common.problem.FieldViolation;
import io.claimport.common.problem.NearMiss;
import io.claimport.service.web.InvalidRequestException;
import io.claimport.service.web.TimeParameters;

/**
 * Reads a metric's query parameters strictly, every bad one named at once: the metric,
 * the range ({@code from} and {@code to}: a day of the time zone, {@code to} taking in
 * its whole day, or an instant with its offset; by default the last 30 days up to the end
 * of today), the time zone ({@code tz}, IANA, default UTC), the interval, the breakdown,
 * the limit and, for top-skus, the ranking.
 */
final class MetricParameters {

	static final int DEFAULT_DAYS = 30;

	static final String RANK_BY_CLAIMS = "claims";

	static final String RANK_BY_RATE = "claimRate";

	private MetricParameters() {
	}

	static MetricQuery read(String name, String from, String to, String interval, String tz, String by, String limit,
			String rank, Instant now) {
		List<FieldViolation> violations = new ArrayList<>();
		Optional<Metric> metric = Metric.named(name);
		if (metric.isEmpty()) {
			violations.add(unknownMetric(name));
		}
		ZoneId zone = zone(tz, violations);
		Instant start = null;
		Instant end = null;
		if (zone != null) {
			end = (to != null) ? TimeParameters.dayOrInstant("to", to, zone, true, violations)
					: LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
			start = (from != null) ? TimeParameters.dayOrInstant("from", from, zone, false, violations) : (end != null)
					? LocalDate.ofInstant(end, zone).minusDays(DEFAULT_DAYS).atStartOfDay(zone).toInstant() : null;
			if (start != null && end != null && !start.isBefore(end)) {
				violations.add(new FieldViolation("to", "range",
						"to (" + end + ") must be after from (" + start + "): the range is [from, to)"));
			}
		}
		Interval periods = null;
		if (interval != null) {
			periods = Interval.byParameter(interval).orElse(null);
			if (periods == null) {
				violations.add(new FieldViolation("interval", "oneOf", "interval must be one of "
						+ String.join(", ", Arrays.stream(Interval.values()).map(Interval::parameter).toList())));
			}
		}
		Dimension dimension = null;
		if (by != null && metric.isPresent()) {
			dimension = dimension(metric.get(), by, violations);
		}
		int groups = limit(limit, violations);
		boolean byRate = false;
		if (rank != null) {
			if (metric.isPresent() && metric.get() != Metric.TOP_SKUS) {
				violations.add(new FieldViolation("rank", "notApplicable", "rank orders top-skus only"));
			}
			else if (RANK_BY_RATE.equals(rank)) {
				byRate = true;
			}
			else if (!RANK_BY_CLAIMS.equals(rank)) {
				violations
					.add(new FieldViolation("rank", "oneOf", "rank must be " + RANK_BY_CLAIMS + " or " + RANK_BY_RATE));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		MetricQuery query = new MetricQuery(metric.get(), start, end, zone, periods, dimension, groups, byRate);
		if (query.periodCount() > MetricQuery.MAX_PERIODS) {
			throw new InvalidRequestException(new FieldViolation("interval", "maxPeriods",
					"a series by " + interval + " over this range has " + query.periodCount() + " periods; at most "
							+ MetricQuery.MAX_PERIODS + ": take a longer interval or a shorter range"));
		}
		return query;
	}

	private static FieldViolation unknownMetric(String name) {
		StringBuilder message = new StringBuilder("'").append(name).append("' is not a metric");
		NearMiss.among(name, Metric.names())
			.ifPresent((meant) -> message.append("; did you mean '").append(meant).append("'?"));
		message.append("; the metrics are ").append(String.join(", ", Metric.names()));
		return new FieldViolation("name", "unknownMetric", message.toString());
	}

	private static ZoneId zone(String tz, List<FieldViolation> violations) {
		if (tz == null) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(tz);
		}
		catch (DateTimeException ex) {
			violations.add(new FieldViolation("tz", "timeZone",
					"tz '" + tz + "' is not a time zone: give an IANA name such as Europe/Berlin, or UTC"));
			return null;
		}
	}

	private static Dimension dimension(Metric metric, String by, List<FieldViolation> violations) {
		Optional<Dimension> dimension = Dimension.byParameter(by).filter(metric.dimensions()::contains);
		if (dimension.isEmpty()) {
			List<String> allowed = metric.dimensions().stream().map(Dimension::parameter).toList();
			StringBuilder message = new StringBuilder("'").append(by)
				.append("' is not a breakdown of ")
				.append(metric.metricName());
			NearMiss.among(by, allowed)
				.ifPresent((meant) -> message.append("; did you mean '").append(meant).append("'?"));
			message.append("; it is broken down by ").append(String.join(", ", allowed));
			violations.add(new FieldViolation("by", "dimension", message.toString()));
		}
		return dimension.orElse(null);
	}

	private static int limit(String limit, List<FieldViolation> violations) {
		if (limit == null) {
			return MetricQuery.DEFAULT_LIMIT;
		}
		try {
			int value = Integer.parseInt(limit);
			if (value >= 1 && value <= MetricQuery.MAX_LIMIT) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		violations.add(new FieldViolation("limit", "range",
				"limit must be a whole number from 1 to " + MetricQuery.MAX_LIMIT + "; it was '" + limit + "'"));
		return MetricQuery.DEFAULT_LIMIT;
	}

}

package io.claimport.analytics.metric.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.claimport.analytics.metric.domain.Interval;
import io.claimport.analytics.metric.domain.Metric;
import io.claimport.analytics.metric.domain.MetricAnswer;
import io.claimport.analytics.metric.domain.MetricQuery;
import io.claimport.analytics.metric.internal.Metrics;
import io.claimport.common.identity.CallerIdentity;
import io.claimport.service.csv.CsvExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics/metrics")
class MetricController {

	private final Metrics metrics;

	private final Clock clock;

	MetricController(Metrics metrics, Clock clock) {
		this.metrics = metrics;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "The metric catalogue: each metric with its definition")
	Catalogue catalogue() {
		return new Catalogue(Arrays.stream(Metric.values()).map(MetricController::described).toList());
	}

	@GetMapping("/{name}")
	@Operation(summary = "One metric of the account: its total over a range and, with an interval, its series")
	MetricResponse metric(CallerIdentity caller, @PathVariable String name,
			@Parameter(description = "start of the range: a day of tz (2026-11-01) or an instant with offset; "
					+ "default 30 days before to") @RequestParam(required = false) String from,
			@Parameter(description = "end of the range, excluded: a day of tz (taken whole) or an instant with "
					+ "offset; default the end of today") @RequestParam(required = false) String to,
			@Parameter(schema = @Schema(allowableValues = { "day", "week", "month" }),
					description = "a series of periods of this length") @RequestParam(required = false) String interval,
			@Parameter(description = "IANA time zone the days, weeks and months are of; default UTC") @RequestParam(
					required = false) String tz,
			@Parameter(description = "a dimension of the metric to break it down by") @RequestParam(
					required = false) String by,
			@Parameter(description = "at most this many groups (1 to 1000, default 20)") @RequestParam(
					required = false) String limit,
			@Parameter(schema = @Schema(allowableValues = { "claims", "claimRate" }),
					description = "top-skus only: rank by claims (default) or by claim rate") @RequestParam(
							required = false) String rank) {
		MetricQuery query = MetricParameters.read(name, from, to, interval, tz, by, limit, rank, this.clock.instant());
		return MetricResponse.of(this.metrics.answer(caller.accountId(), query));
	}

	@GetMapping(path = "/{name}", produces = "text/csv")
	@Operation(summary = "One metric as CSV: its series with an interval, else its total")
	ResponseEntity<String> metricCsv(CallerIdentity caller, @PathVariable String name,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String interval, @RequestParam(required = false) String tz,
			@RequestParam(required = false) String by, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String rank) {
		MetricQuery query = MetricParameters.read(name, from, to, interval, tz, by, limit, rank, this.clock.instant());
		MetricAnswer answer = this.metrics.answer(caller.accountId(), query);
		String body = CsvExport.write(MetricTable.header(query, query.interval() != null), MetricTable.cells(answer));
		LocalDate first = LocalDate.ofInstant(query.from(), query.zone());
		LocalDate last = LocalDate.ofInstant(query.to().minusNanos(1), query.zone());
		return CsvExport.download(name + "_" + first + "_" + last + ".csv", body);
	}

	private static Described described(Metric metric) {
		return new Described(metric.metricName(), metric.title(), metric.unit().name().toLowerCase(Locale.ROOT),
				metric.definition(), metric.numerator(), metric.denominator(), metric.events(), metric.countedAt(),
				metric.currencies(), metric.measures().stream().map((measure) -> measure.field()).toList(),
				metric.dimensions()
					.stream()
					.map((dimension) -> new Described.Breakdown(dimension.parameter(), dimension.description()))
					.toList(),
				Arrays.stream(Interval.values()).map(Interval::parameter).toList());
	}

	record Catalogue(List<Described> metrics) {

	}

	/**
	 * A metric's published definition.
	 *
	 * @param measures the numbers its rows carry
	 * @param dimensions what {@code by} may break it down by
	 */
	record Described(String name, String title, @Schema(allowableValues = {
			"count", "ratio", "seconds", "money" }) String unit, String definition, String numerator,
			String denominator, String events, String countedAt, String currencies, List<String> measures,
			List<Breakdown> dimensions, List<String> intervals){

		record Breakdown(String name, String description) {

		}

	}

	/**
	 * A metric's answer. {@code columns} are those of the total's rows; a series row has
	 * {@code period} (the first day of its period, in {@code timeZone}) first.
	 */
	record MetricResponse(String metric, String title, Instant from, Instant to, String timeZone, String interval,
			String by,
			@Schema(description = "the time of the newest event these numbers include; null before the "
					+ "account's first") Instant asOf,
			List<String> columns,
			@ArraySchema(schema = @Schema(implementation = Row.class)) List<Map<String, Object>> total,
			@ArraySchema(schema = @Schema(implementation = Row.class)) List<Map<String, Object>> series,
			int omittedGroups) {

		static MetricResponse of(MetricAnswer answer) {
			MetricQuery query = answer.query();
			return new MetricResponse(query.metric().metricName(), query.metric().title(), query.from(), query.to(),
					query.zone().getId(), (query.interval() != null) ? query.interval().parameter() : null,
					(query.by() != null) ? query.by().parameter() : null, answer.asOf(),
					MetricTable.columns(query, false), MetricTable.rows(query, answer.total(), false),
					MetricTable.rows(query, answer.series(), true), answer.omittedGroups());
		}

	}

	/** The columns a row may have; each row has those its metric's answer lists. */
	record Row(String period, String group, String productId, String productName, String category, String currency,
			Long count, Long numerator, Long denominator, BigDecimal rate, Long medianSeconds, Long p90Seconds,
			BigDecimal amount) {

	}

}

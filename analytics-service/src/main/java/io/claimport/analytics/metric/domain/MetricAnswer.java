package io.claimport.analytics.metric.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A metric's answer: its rows over the whole range ({@code total}) and, with an interval,
 * period by period ({@code series}), every period present (a period where nothing
 * happened has zeros, so that a chart has no gaps), and how fresh it is ({@code asOf}:
 * the time of the newest event the account's numbers include, null before the first).
 * Broken down, only the {@code limit} largest groups are kept (the most counted, decided
 * or ordered), in that order, and {@code omittedGroups} says how many others there were.
 */
public record MetricAnswer(MetricQuery query, Instant asOf, List<MetricRow> total, List<MetricRow> series,
		int omittedGroups) {

	/**
	 * Ranks a metric's rows over the whole range, one per group and currency counted,
	 * into an answer without its series.
	 */
	public static MetricAnswer of(MetricQuery query, Instant asOf, List<MetricRow> totals) {
		Metric metric = query.metric();
		List<MetricRow> ranked = new ArrayList<>(totals);
		if (metric == Metric.TOP_SKUS) {
			ranked.removeIf((row) -> query.rankByRate() && row.rate() == null);
			ranked.sort(topSkus(query.rankByRate()));
		}
		else if (query.by() != null) {
			ranked.sort(Comparator.comparingLong(MetricRow::weight)
				.reversed()
				.thenComparing(MetricRow::group, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(MetricRow::currency, Comparator.nullsLast(Comparator.naturalOrder())));
		}
		else {
			ranked.sort(Comparator.comparing(MetricRow::currency, Comparator.nullsLast(Comparator.naturalOrder())));
		}
		Set<String> groups = new LinkedHashSet<>();
		ranked.forEach((row) -> groups.add(row.group()));
		List<String> kept = groups.stream().limit(query.limit()).toList();
		List<MetricRow> total = ranked.stream().filter((row) -> kept.contains(row.group())).toList();
		if (total.isEmpty() && query.by() == null && !metric.perCurrency()) {
			total = List.of(MetricRow.nothing(metric, null, null, null));
		}
		return new MetricAnswer(query, asOf, total, List.of(), groups.size() - kept.size());
	}

	/** The groups the answer keeps, in its order (a null group stands for no value). */
	public List<String> groups() {
		return this.total.stream().map(MetricRow::group).distinct().toList();
	}

	/** The same answer with the product holding each SKU group, where one does. */
	public MetricAnswer withProducts(Map<String, MetricRow.Product> products) {
		List<MetricRow> total = this.total.stream()
			.map((row) -> (row.group() != null && products.containsKey(row.group()))
					? row.withProduct(products.get(row.group())) : row)
			.toList();
		return new MetricAnswer(this.query, this.asOf, total, this.series, this.omittedGroups);
	}

	/**
	 * The same answer with its series: every period, with a row for each group and
	 * currency of the total, in the total's order; those of {@code periods}, counted per
	 * period, or zeros.
	 */
	public MetricAnswer withSeries(List<MetricRow> periods) {
		Map<Key, MetricRow> counted = new HashMap<>();
		periods.forEach((row) -> counted.put(new Key(row.period(), row.group(), row.currency()), row));
		List<MetricRow> series = new ArrayList<>();
		for (LocalDate period : this.query.periods()) {
			for (MetricRow row : this.total) {
				MetricRow found = counted.get(new Key(period, row.group(), row.currency()));
				MetricRow inPeriod = (found != null) ? found
						: MetricRow.nothing(this.query.metric(), period, row.group(), row.currency());
				series.add((row.product() != null) ? inPeriod.withProduct(row.product()) : inPeriod);
			}
		}
		return new MetricAnswer(this.query, this.asOf, this.total, series, this.omittedGroups);
	}

	private static Comparator<MetricRow> topSkus(boolean byRate) {
		Comparator<MetricRow> byClaims = Comparator.comparingLong(MetricRow::numerator).reversed();
		Comparator<MetricRow> first = byRate ? Comparator.comparing(MetricRow::rate).reversed().thenComparing(byClaims)
				: byClaims.thenComparing(Comparator.comparing(MetricRow::rate,
						Comparator.nullsLast(Comparator.<java.math.BigDecimal>naturalOrder().reversed())));
		return first.thenComparing(MetricRow::group, Comparator.nullsLast(Comparator.naturalOrder()));
	}

	private record Key(LocalDate period, String group, String currency) {

		Key {
			Objects.requireNonNull(period, "period");
		}

	}

}

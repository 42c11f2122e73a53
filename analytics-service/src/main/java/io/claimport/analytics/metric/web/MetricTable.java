package io.claimport.analytics.metric.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.claimport.analytics.metric.domain.Dimension;
import io.claimport.analytics.metric.domain.Measure;
import io.claimport.analytics.metric.domain.Metric;
import io.claimport.analytics.metric.domain.MetricAnswer;
import io.claimport.analytics.metric.domain.MetricQuery;
import io.claimport.analytics.metric.domain.MetricRow;

/**
 * A metric's rows as a table: the columns it has, in order, and each row's value of them;
 * the same for the JSON answer and the CSV download. A series row begins with its period;
 * a broken-down row has its group; a row by SKU the product holding it; a row of money
 * its currency; then the metric's measures.
 */
final class MetricTable {

	static final String PERIOD = "period";

	static final String GROUP = "group";

	private MetricTable() {
	}

	static List<String> columns(MetricQuery query, boolean series) {
		List<String> columns = new ArrayList<>();
		if (series) {
			columns.add(PERIOD);
		}
		if (query.by() != null || query.metric() == Metric.TOP_SKUS) {
			columns.add(GROUP);
		}
		if (bySku(query)) {
			columns.addAll(List.of("productId", "productName", "category"));
		}
		if (query.metric().perCurrency()) {
			columns.add("currency");
		}
		query.metric().measures().forEach((measure) -> columns.add(measure.field()));
		return columns;
	}

	/** The header of a CSV download: the group column is named by its dimension. */
	static List<String> header(MetricQuery query, boolean series) {
		String group = (query.by() != null) ? query.by().parameter() : Dimension.SKU.parameter();
		return columns(query, series).stream().map((column) -> GROUP.equals(column) ? group : column).toList();
	}

	static List<Map<String, Object>> rows(MetricQuery query, List<MetricRow> rows, boolean series) {
		List<String> columns = columns(query, series);
		return rows.stream().map((row) -> {
			Map<String, Object> values = new LinkedHashMap<>();
			columns.forEach((column) -> values.put(column, value(row, column)));
			return values;
		}).toList();
	}

	static List<List<Object>> cells(MetricAnswer answer) {
		boolean series = answer.query().interval() != null;
		return rows(answer.query(), series ? answer.series() : answer.total(), series).stream()
			.map((values) -> (List<Object>) new ArrayList<>(values.values()))
			.toList();
	}

	private static boolean bySku(MetricQuery query) {
		return query.by() == Dimension.SKU || query.metric() == Metric.TOP_SKUS;
	}

	private static Object value(MetricRow row, String column) {
		MetricRow.Product product = row.product();
		return switch (column) {
			case PERIOD -> (row.period() != null) ? row.period().toString() : null;
			case GROUP -> row.group();
			case "productId" -> (product != null) ? product.productId() : null;
			case "productName" -> (product != null) ? product.name() : null;
			case "category" -> (product != null) ? product.category() : null;
			case "currency" -> row.currency();
			default -> measure(row,
					Arrays.stream(Measure.values())
						.filter((measure) -> measure.field().equals(column))
						.findFirst()
						.orElseThrow());
		};
	}

	private static Object measure(MetricRow row, Measure measure) {
		return switch (measure) {
			case COUNT -> row.count();
			case NUMERATOR -> row.numerator();
			case DENOMINATOR -> row.denominator();
			case RATE -> row.rate();
			case MEDIAN_SECONDS -> row.medianSeconds();
			case P90_SECONDS -> row.p90Seconds();
			case AMOUNT -> row.amount();
		};
	}

}

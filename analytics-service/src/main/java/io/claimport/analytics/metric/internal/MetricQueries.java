package io.claimport.analytics.metric.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.claimport.analytics.metric.domain.Dimension;
import io.claimport.analytics.metric.domain.Interval;
import io.claimport.analytics.metric.domain.Metric;
import io.claimport.analytics.metric.domain.MetricQuery;
import io.claimport.analytics.metric.domain.MetricRow;
import io.claimport.analytics.metric.domain.Rollup;
import io.claimport.analytics.metric.domain.Rollup.Grain;
import io.claimport.analytics.metric.domain.Rollup.Measure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of each metric over the facts or their roll-ups: one account, one range,
 * counted per period of the caller's time zone ({@code date_trunc} with the zone) or over
 * the whole range, per group of a breakdown.
 */
@Repository
class MetricQueries {

	/** The claim decisions counted as approvals. */
	private static final String APPROVALS = "('APPROVED', 'RESOLVED_BY_BRAND')";

	private static final String DENIALS = "('DENIED')";

	/** The sums of roll-up rows: a count; a count and an amount. */
	private static final String COUNT = "sum(r.count)";

	private static final String MONEY = "sum(r.count), sum(r.amount)";

	private static final RowReader COUNTED = (rs, period, grp) -> MetricRow.counted(period, grp, null, rs.getLong(1));

	private static final RowReader MONEY_ROW = (rs, period, grp) -> MetricRow.money(period, grp,
			rs.getString("currency"), rs.getLong(1), money(rs.getBigDecimal(2)));

	private final JdbcClient jdbc;

	MetricQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Instant> asOf(String account) {
		return this.jdbc.sql("SELECT as_of FROM projection.projection_watermark WHERE account_id = :account")
			.param("account", account)
			.query((rs, row) -> rs.getTimestamp("as_of").toInstant())
			.optional();
	}

	/**
	 * The metric's rows over the whole range ({@code perPeriod} false) or per period,
	 * from the roll-ups where they can answer.
	 * @param skus for a breakdown by SKU, the SKUs to count (null: all)
	 */
	List<MetricRow> rows(String account, MetricQuery query, boolean perPeriod, Collection<String> skus) {
		return rows(account, query, perPeriod, skus, Source.ROLLUPS);
	}

	/** Where a metric is read from. */
	enum Source {

		/** Every fact of the range. */
		FACTS,

		/** The roll-ups, if they can answer: else the facts. */
		ROLLUPS

	}

	List<MetricRow> rows(String account, MetricQuery query, boolean perPeriod, Collection<String> skus, Source source) {
		Scope scope = new Scope(account, query, perPeriod, skus);
		if (source == Source.ROLLUPS && rollsUp(query)) {
			return rolledUp(scope);
		}
		return switch (query.metric()) {
			case CLAIMS -> claims(scope);
			case CLAIM_RATE -> claimRate(scope, query.by());
			case TOP_SKUS -> claimRate(scope, Dimension.SKU);
			case APPROVAL_RATE -> decisions(scope, APPROVALS);
			case DENIAL_RATE -> decisions(scope, DENIALS);
			case TIME_TO_FIRST_DECISION -> durations(scope, "first_decided_at");
			case TIME_TO_RESOLUTION -> durations(scope, "resolved_at");
			case RESOLUTION_COST -> money(scope, "projection.resolution_fact", "resolved_at",
					"f.paid_value + f.shipping_value", "resolution_type");
			case STORE_CREDIT ->
				money(scope, "projection.store_credit_fact", "issued_at", "f.total_value", "credit_type");
			case ORDERS -> orders(scope);
			case ORDER_VALUE -> money(scope, "projection.order_fact", "ordered_at", "f.total_amount", "status");
		};
	}

	/**
	 * Whether the roll-ups answer the query: for a range of whole quarter hours, and for
	 * the metrics and breakdowns they keep (not the durations' percentiles, nor the
	 * category a product holds now).
	 */
	static boolean rollsUp(MetricQuery query) {
		Metric metric = query.metric();
		return Grain.QUARTER_HOUR.starts(query.from()) && Grain.QUARTER_HOUR.starts(query.to())
				&& metric != Metric.TIME_TO_FIRST_DECISION && metric != Metric.TIME_TO_RESOLUTION
				&& query.by() != Dimension.CATEGORY;
	}

	/**
	 * The metric from the roll-ups: the same rows as from the facts
	 * ({@code RollupAnswersIT}).
	 */
	private List<MetricRow> rolledUp(Scope scope) {
		Dimension by = scope.query.by();
		String group = (by != null) ? "NULLIF(r.value, '')" : "NULL";
		String dimension = (by != null && by != Dimension.CURRENCY) ? by.parameter() : Rollup.TOTAL;
		return switch (scope.query.metric()) {
			case CLAIMS ->
				(by == Dimension.SKU) ? scope.rolled(Measure.CLAIM_SKUS, dimension, COUNT, group, null, COUNTED)
						: scope.rolled(Measure.CLAIMS, dimension, COUNT, group, null, COUNTED);
			case CLAIM_RATE -> rolledClaimRate(scope, by);
			case TOP_SKUS -> rolledClaimRate(scope, Dimension.SKU);
			case APPROVAL_RATE -> rolledDecisions(scope, dimension, group, APPROVALS);
			case DENIAL_RATE -> rolledDecisions(scope, dimension, group, DENIALS);
			case RESOLUTION_COST -> scope.rolled(Measure.RESOLUTIONS, dimension, MONEY, group, "r.detail", MONEY_ROW);
			case STORE_CREDIT -> scope.rolled(Measure.CREDITS, dimension, MONEY, group, "r.detail", MONEY_ROW);
			case ORDER_VALUE -> scope.rolled(Measure.ORDERS, dimension, MONEY, group, "r.detail", MONEY_ROW);
			case ORDERS ->
				(by == Dimension.SKU) ? scope.rolled(Measure.ORDER_SKUS, dimension, COUNT, group, null, COUNTED)
						: scope.rolled(Measure.ORDERS, dimension, COUNT,
								(by == Dimension.CURRENCY) ? "r.detail" : group, null, COUNTED);
			case TIME_TO_FIRST_DECISION, TIME_TO_RESOLUTION ->
				throw new IllegalStateException(scope.query.metric().metricName() + " has no roll-up");
		};
	}

	private List<MetricRow> rolledClaimRate(Scope scope, Dimension by) {
		List<MetricRow> claims = (by == null) ? scope.rolled(Measure.CLAIMS, Rollup.TOTAL, COUNT, "NULL", null, COUNTED)
				: scope.rolled(Measure.CLAIM_SKUS, by.parameter(), COUNT, "NULLIF(r.value, '')", null, COUNTED);
		List<MetricRow> orders = (by == null) ? scope.rolled(Measure.ORDERS, Rollup.TOTAL, COUNT, "NULL", null, COUNTED)
				: scope.rolled(Measure.ORDER_SKUS, by.parameter(), COUNT, "NULLIF(r.value, '')", null, COUNTED);
		return ratios(claims, orders);
	}

	private List<MetricRow> rolledDecisions(Scope scope, String dimension, String group, String outcomes) {
		return scope.rolled(Measure.DECISIONS, dimension,
				"sum(r.count) FILTER (WHERE r.detail IN " + outcomes + "), sum(r.count)", group, null,
				(rs, period, grp) -> MetricRow.ratio(period, grp, rs.getLong(1), rs.getLong(2)));
	}

	/** The products holding these SKUs now. */
	Map<String, MetricRow.Product> products(String account, Collection<String> skus) {
		Map<String, MetricRow.Product> products = new HashMap<>();
		if (skus.isEmpty()) {
			return products;
		}
		this.jdbc
			.sql("SELECT sku, product_id, name, category FROM projection.catalog_product "
					+ "WHERE account_id = :account AND sku = ANY(:skus)")
			.param("account", account)
			.param("skus", skus.toArray(String[]::new))
			.query((rs, row) -> products.put(rs.getString("sku"),
					new MetricRow.Product(rs.getString("product_id"), rs.getString("name"), rs.getString("category"))))
			.list();
		return products;
	}

	private List<MetricRow> claims(Scope scope) {
		Dimension by = scope.query.by();
		if (by == Dimension.SKU || by == Dimension.CATEGORY) {
			return scope.select("count(DISTINCT i.claim_id)", "i.filed_at", itemGroup(by), null, itemsOfClaims(by),
					COUNTED);
		}
		return scope.select("count(*)", "c.filed_at", claimGroup(by), null, "projection.claim_fact c", COUNTED);
	}

	private List<MetricRow> claimRate(Scope scope, Dimension by) {
		List<MetricRow> claims = (by == null)
				? scope.select("count(*)", "c.filed_at", "NULL", null, "projection.claim_fact c", COUNTED)
				: scope.select("count(DISTINCT i.claim_id)", "i.filed_at", itemGroup(by), null, itemsOfClaims(by),
						COUNTED);
		List<MetricRow> orders = (by == null)
				? scope.select("count(*)", "o.ordered_at", "NULL", null, "projection.order_fact o", COUNTED)
				: scope.select("count(DISTINCT l.order_id)", "l.ordered_at", lineGroup(by), null, linesOfOrders(by),
						COUNTED);
		return ratios(claims, orders);
	}

	/** Claims per order, of each period and group either has. */
	private static List<MetricRow> ratios(List<MetricRow> claims, List<MetricRow> orders) {
		Map<List<Object>, long[]> merged = new LinkedHashMap<>();
		claims.forEach((row) -> merged.computeIfAbsent(key(row), (k) -> new long[2])[0] += row.count());
		orders.forEach((row) -> merged.computeIfAbsent(key(row), (k) -> new long[2])[1] += row.count());
		return merged.entrySet()
			.stream()
			.map((entry) -> MetricRow.ratio((LocalDate) entry.getKey().get(0), (String) entry.getKey().get(1),
					entry.getValue()[0], entry.getValue()[1]))
			.toList();
	}

	private static List<Object> key(MetricRow row) {
		return Arrays.asList(row.period(), row.group());
	}

	private List<MetricRow> decisions(Scope scope, String outcomes) {
		return scope.select("count(*) FILTER (WHERE c.decision IN " + outcomes + "), count(*)", "c.first_decided_at",
				claimGroup(scope.query.by()), null, "projection.claim_fact c",
				(rs, period, group) -> MetricRow.ratio(period, group, rs.getLong(1), rs.getLong(2)));
	}

	private List<MetricRow> durations(Scope scope, String reached) {
		String seconds = "extract(epoch FROM c." + reached + " - c.filed_at)";
		return scope.select(
				"count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY " + seconds + "), percentile_cont(0.9) "
						+ "WITHIN GROUP (ORDER BY " + seconds + ")",
				"c." + reached, claimGroup(scope.query.by()), null, "projection.claim_fact c", (rs, period,
						group) -> MetricRow.durations(period, group, rs.getLong(1), seconds(rs, 2), seconds(rs, 3)));
	}

	private static Long seconds(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : Math.round(value);
	}

	private List<MetricRow> money(Scope scope, String table, String time, String amount, String groupColumn) {
		String group = (scope.query.by() != null) ? "f." + groupColumn : "NULL";
		return scope.select("count(*), sum(" + amount + ")", "f." + time, group, "f.currency", table + " f", MONEY_ROW);
	}

	/** An amount as written: without the store's trailing zeros, with at least cents. */
	private static BigDecimal money(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return (stripped.scale() < 2) ? stripped.setScale(2) : stripped;
	}

	private List<MetricRow> orders(Scope scope) {
		Dimension by = scope.query.by();
		if (by == Dimension.SKU) {
			return scope.select("count(DISTINCT l.order_id)", "l.ordered_at", "l.sku", null, linesOfOrders(by),
					COUNTED);
		}
		String group = (by == Dimension.ORDER_STATUS) ? "o.status" : (by == Dimension.CURRENCY) ? "o.currency" : "NULL";
		return scope.select("count(*)", "o.ordered_at", group, null, "projection.order_fact o", COUNTED);
	}

	private static String claimGroup(Dimension by) {
		if (by == null) {
			return "NULL";
		}
		return switch (by) {
			case STATE -> "c.state";
			case CLAIM_TYPE -> "c.claim_type";
			case ISSUE_TYPE -> "c.issue_type";
			case CLAIM_CATEGORY -> "c.claim_category";
			case SALES_CHANNEL -> "c.sales_channel";
			case REQUESTED_RESOLUTION -> "c.requested_resolution";
			default -> throw new IllegalArgumentException("claims are not broken down by " + by.parameter());
		};
	}

	private static String itemGroup(Dimension by) {
		return (by == Dimension.CATEGORY) ? "p.category" : "i.sku";
	}

	private static String lineGroup(Dimension by) {
		return (by == Dimension.CATEGORY) ? "p.category" : "l.sku";
	}

	private static String itemsOfClaims(Dimension by) {
		return "projection.claim_item_fact i" + ((by == Dimension.CATEGORY)
				? " LEFT JOIN projection.catalog_product p ON p.account_id = i.account_id AND p.sku = i.sku" : "");
	}

	private static String linesOfOrders(Dimension by) {
		return "projection.order_line_fact l" + ((by == Dimension.CATEGORY)
				? " LEFT JOIN projection.catalog_product p ON p.account_id = l.account_id AND p.sku = l.sku" : "");
	}

	@FunctionalInterface
	private interface RowReader {

		MetricRow read(ResultSet rs, LocalDate period, String group) throws SQLException;

	}

	/** One account's range, counted per period or over it whole. */
	private final class Scope {

		private final String account;

		private final MetricQuery query;

		private final boolean perPeriod;

		private final Collection<String> skus;

		Scope(String account, MetricQuery query, boolean perPeriod, Collection<String> skus) {
			this.account = account;
			this.query = query;
			this.perPeriod = perPeriod;
			this.skus = skus;
		}

		/**
		 * Counts {@code measures} of the rows of {@code from} whose {@code time} is in
		 * the range, per period (of that time), group and currency.
		 */
		List<MetricRow> select(String measures, String time, String group, String currency, String from,
				RowReader reader) {
			String alias = time.substring(0, time.indexOf('.'));
			String skuFilter = (this.skus != null && group.endsWith(".sku")) ? " AND " + group + " = ANY(:skus)" : "";
			String sql = "SELECT " + measures + ", " + period(time) + " AS period, " + group + " AS grp"
					+ ((currency != null) ? ", " + currency + " AS currency" : "") + " FROM " + from + " WHERE " + alias
					+ ".account_id = :account AND " + time + " >= :from AND " + time + " < :to" + skuFilter
					+ " GROUP BY period, grp" + ((currency != null) ? ", currency" : "");
			JdbcClient.StatementSpec statement = MetricQueries.this.jdbc.sql(sql)
				.param("account", this.account)
				.param("from", Timestamp.from(this.query.from()))
				.param("to", Timestamp.from(this.query.to()));
			return read(statement, !skuFilter.isEmpty(), reader);
		}

		/**
		 * Sums {@code measures} of the roll-up rows of the range, per period, group and
		 * currency: the whole UTC days of the range from the daily rows unless a series
		 * in a zone whose days are not UTC's needs the quarter hours, the rest from the
		 * quarter hours.
		 */
		List<MetricRow> rolled(Measure measure, String dimension, String measures, String group, String currency,
				RowReader reader) {
			Instant from = this.query.from();
			Instant to = this.query.to();
			Instant firstDay = Grain.DAY.starts(from) ? from : Grain.DAY.slotOf(from).plus(Grain.DAY.length());
			Instant lastDay = Grain.DAY.slotOf(to);
			boolean days = firstDay.isBefore(lastDay) && (!this.perPeriod || utcDays(this.query.zone()));
			String skuFilter = (this.skus != null && Dimension.SKU.parameter().equals(dimension))
					? " AND value = ANY(:skus)" : "";
			String rows = "SELECT slot, value, detail, count, amount FROM projection.metric_rollup "
					+ "WHERE account_id = :account AND measure = :measure AND dimension = :dimension AND grain = ";
			String source = days
					? rows + "'day' AND slot >= :firstDay AND slot < :lastDay" + skuFilter + " UNION ALL " + rows
							+ "'15m' AND slot >= :from AND slot < :firstDay" + skuFilter + " UNION ALL " + rows
							+ "'15m' AND slot >= :lastDay AND slot < :to" + skuFilter
					: rows + "'15m' AND slot >= :from AND slot < :to" + skuFilter;
			String sql = "SELECT " + measures + ", " + period("r.slot") + " AS period, " + group + " AS grp"
					+ ((currency != null) ? ", " + currency + " AS currency" : "") + " FROM (" + source + ") r"
					+ " GROUP BY period, grp" + ((currency != null) ? ", currency" : "");
			JdbcClient.StatementSpec statement = MetricQueries.this.jdbc.sql(sql)
				.param("account", this.account)
				.param("measure", measure.code())
				.param("dimension", dimension)
				.param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to));
			if (days) {
				statement = statement.param("firstDay", Timestamp.from(firstDay))
					.param("lastDay", Timestamp.from(lastDay));
			}
			return read(statement, !skuFilter.isEmpty(), reader);
		}

		private String period(String time) {
			return this.perPeriod
					? "(date_trunc('" + unit(this.query.interval()) + "', " + time + ", :tz) AT TIME ZONE :tz)::date"
					: "NULL::date";
		}

		private List<MetricRow> read(JdbcClient.StatementSpec statement, boolean bySkus, RowReader reader) {
			if (this.perPeriod) {
				statement = statement.param("tz", this.query.zone().getId());
			}
			if (bySkus) {
				statement = statement.param("skus", this.skus.toArray(String[]::new));
			}
			return statement
				.query((rs, row) -> reader.read(rs, rs.getObject("period", LocalDate.class), rs.getString("grp")))
				.list();
		}

		/** Whether the zone's days are UTC's, now and always. */
		private static boolean utcDays(ZoneId zone) {
			return zone.getRules().isFixedOffset() && zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() == 0;
		}

		private static String unit(Interval interval) {
			return interval.parameter();
		}

	}

}

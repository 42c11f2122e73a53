package io.claimport.analytics.metric.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import io.claimport.analytics.metric.domain.Dimension;
import io.claimport.analytics.metric.domain.DurationBuckets;
import io.claimport.analytics.metric.domain.Interval;
import io.claimport.analytics.metric.domain.MetricQuery;
import io.claimport.analytics.metric.domain.MetricRow;
import io.claimport.analytics.metric.domain.Rollup;
import io.claimport.analytics.metric.domain.Rollup.Grain;
import io.claimport.analytics.metric.domain.Rollup.Measure;
import io.claimport.analytics.metric.domain.Rollup.Span;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of each metric over the facts or their roll-ups: one account, one range,
 * counted per period of the caller's time zone or over the whole range, per group of a
 * breakdown. The facts are put in their period by {@code date_trunc} with the zone; the
 * roll-ups (and the claims the durations count) are read piece by piece, each piece whole
 * slots of one grain inside one period.
 */
@Repository
class MetricQueries {

	/** The claim decisions counted as approvals. */
	private static final String APPROVALS = "('APPROVED', 'RESOLVED_BY_BRAND')";

	private static final String DENIALS = "('DENIED')";

	/** The percentiles the durations answer. */
	private static final double MEDIAN = 0.5;

	private static final double P90 = 0.9;

	/** The sums of roll-up rows: a count; a count and an amount. */
	private static final String COUNT = "sum(r.count)";

	private static final String MONEY = "sum(r.count), sum(r.amount)";

	/**
	 * The pieces of the range to read from the roll-ups, bound by {@code bind}: each
	 * added, or taken away (sign -1; only the durations' pieces are).
	 */
	private static final String PIECES = "unnest(:grains::varchar[], :starts::timestamptz[], :ends::timestamptz[], "
			+ ":periods::date[], :signs::int[]) AS p(grain, lo, hi, period, sign)";

	/** The roll-up rows of a piece. */
	private static final String ROLLUP_ROWS = "r.account_id = :account AND r.measure = :measure "
			+ "AND r.dimension = :dimension AND r.grain = p.grain AND r.slot >= p.lo AND r.slot < p.hi";

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
			case TIME_TO_FIRST_DECISION -> durations(scope, Measure.DECISION_TIMES, "first_decided_at", source);
			case TIME_TO_RESOLUTION -> durations(scope, Measure.RESOLUTION_TIMES, "resolved_at", source);
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
	 * the breakdowns they keep (not the category a product holds now). The durations read
	 * the roll-ups for the whole days of any range and the facts for the rest.
	 */
	static boolean rollsUp(MetricQuery query) {
		return Grain.QUARTER_HOUR.starts(query.from()) && Grain.QUARTER_HOUR.starts(query.to())
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
			case TIME_TO_FIRST_DECISION -> durations(scope, Measure.DECISION_TIMES, "first_decided_at", Source.ROLLUPS);
			case TIME_TO_RESOLUTION -> durations(scope, Measure.RESOLUTION_TIMES, "resolved_at", Source.ROLLUPS);
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

	/**
	 * The median and 90th percentile of the time from filing to {@code reached}, from the
	 * histograms of the roll-ups for whole UTC days and months, and of the facts,
	 * bucketed alike, for the rest (or all of it from the facts).
	 */
	private List<MetricRow> durations(Scope scope, Measure measure, String reached, Source source) {
		List<Piece> rolled = new ArrayList<>();
		List<Piece> counted = new ArrayList<>();
		for (Piece piece : scope.pieces(source == Source.ROLLUPS)) {
			Grain grain = piece.span().grain();
			boolean kept = source == Source.ROLLUPS && grain != null && measure.grains().contains(grain);
			(kept ? rolled : counted).add(piece);
		}
		String time = "c." + reached;
		String bucket = (measure == Measure.DECISION_TIMES) ? "c.decision_bucket" : "c.resolution_bucket";
		// each period's and group's histogram, and of it only the buckets around the
		// ranks
		// the median and the 90th percentile lie between (a rank or two more either side:
		// PostgreSQL and Java may round p * (total - 1) apart)
		String sql = "WITH h AS (SELECT h.period, h.grp, h.bucket, sum(h.n) AS n FROM (SELECT p.period, "
				+ "NULLIF(r.value, '') AS grp, r.detail::int AS bucket, r.count * p.sign AS n FROM " + PIECES
				+ " JOIN projection.metric_rollup r ON " + ROLLUP_ROWS + " UNION ALL SELECT p.period, "
				+ claimGroup(scope.query.by()) + ", " + bucket
				+ ", p.sign FROM unnest(:factStarts::timestamptz[], :factEnds::timestamptz[], :factPeriods::date[], "
				+ ":factSigns::int[]) AS p(lo, hi, period, sign) "
				+ "JOIN projection.claim_fact c ON c.account_id = :account AND " + time + " >= p.lo AND " + time
				+ " < p.hi) h GROUP BY h.period, h.grp, h.bucket HAVING sum(h.n) <> 0), "
				+ "c AS (SELECT period, grp, bucket, n, sum(n) OVER (PARTITION BY period, grp ORDER BY bucket) - n "
				+ "AS before, sum(n) OVER (PARTITION BY period, grp) AS total FROM h) "
				+ "SELECT period, grp, bucket, n, before, total FROM c WHERE (before <= floor(:median * (total - 1)) + 2 "
				+ "AND before + n > floor(:median * (total - 1)) - 1) OR (before <= floor(:p90 * (total - 1)) + 2 "
				+ "AND before + n > floor(:p90 * (total - 1)) - 1)";
		JdbcClient.StatementSpec statement = bindSpans(bind(this.jdbc.sql(sql), rolled), "fact", counted)
			.param("account", scope.account)
			.param("measure", measure.code())
			.param("dimension", (scope.query.by() != null) ? scope.query.by().parameter() : Rollup.TOTAL);
		Map<List<Object>, List<DurationBuckets.Counted>> histograms = new LinkedHashMap<>();
		Map<List<Object>, Long> totals = new HashMap<>();
		statement.param("median", MEDIAN).param("p90", P90).query((rs) -> {
			List<Object> key = Arrays.asList(rs.getObject("period", LocalDate.class), rs.getString("grp"));
			histograms.computeIfAbsent(key, (k) -> new ArrayList<>())
				.add(new DurationBuckets.Counted(rs.getInt("bucket"), rs.getLong("before"), rs.getLong("n")));
			totals.put(key, rs.getLong("total"));
		});
		return histograms.entrySet().stream().map((entry) -> {
			long total = totals.get(entry.getKey());
			return MetricRow.durations((LocalDate) entry.getKey().get(0), (String) entry.getKey().get(1), total,
					DurationBuckets.percentile(entry.getValue(), total, MEDIAN),
					DurationBuckets.percentile(entry.getValue(), total, P90));
		}).toList();
	}

	/** Binds the pieces a roll-up query reads ({@link #PIECES}). */
	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, List<Piece> pieces) {
		return bindSpans(
				statement.param("grains",
						pieces.stream().map((piece) -> piece.span().grain().code()).toArray(String[]::new)),
				"", pieces);
	}

	/**
	 * Binds where the pieces start and end, their periods and signs, as arrays named
	 * {@code starts}, {@code ends}, {@code periods} and {@code signs} after a prefix.
	 */
	private static JdbcClient.StatementSpec bindSpans(JdbcClient.StatementSpec statement, String prefix,
			List<Piece> pieces) {
		return statement
			.param(named(prefix, "starts"),
					pieces.stream().map((piece) -> piece.span().from().toString()).toArray(String[]::new))
			.param(named(prefix, "ends"),
					pieces.stream().map((piece) -> piece.span().to().toString()).toArray(String[]::new))
			.param(named(prefix, "periods"), pieces.stream().map(Piece::periodText).toArray(String[]::new))
			.param(named(prefix, "signs"), pieces.stream().mapToInt((piece) -> piece.span().sign()).toArray());
	}

	private static String named(String prefix, String name) {
		return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
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

	/** A part of the range, in a period of the series (or in none, for the total). */
	private record Piece(LocalDate period, Span span) {

		String periodText() {
			return (this.period != null) ? this.period.toString() : null;
		}

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
		 * currency: each period's whole UTC months from the monthly rows, the whole UTC
		 * days left from the daily rows, the rest from the quarter hours.
		 */
		List<MetricRow> rolled(Measure measure, String dimension, String measures, String group, String currency,
				RowReader reader) {
			String skuFilter = (this.skus != null && Dimension.SKU.parameter().equals(dimension))
					? " AND r.value = ANY(:skus)" : "";
			String sql = "SELECT " + measures + ", p.period AS period, " + group + " AS grp"
					+ ((currency != null) ? ", " + currency + " AS currency" : "") + " FROM " + PIECES
					+ " JOIN projection.metric_rollup r ON " + ROLLUP_ROWS + skuFilter + " GROUP BY p.period, grp"
					+ ((currency != null) ? ", currency" : "");
			JdbcClient.StatementSpec statement = bind(MetricQueries.this.jdbc.sql(sql), pieces(false))
				.param("account", this.account)
				.param("measure", measure.code())
				.param("dimension", dimension);
			if (!skuFilter.isEmpty()) {
				statement = statement.param("skus", this.skus.toArray(String[]::new));
			}
			return statement
				.query((rs, row) -> reader.read(rs, rs.getObject("period", LocalDate.class), rs.getString("grp")))
				.list();
		}

		/**
		 * What the range is read as, period by period (or whole): the fewest slots of the
		 * roll-ups covering each ({@link Rollup.Span#cover}), or, {@code byDifference},
		 * whole days and months less what lies outside where that reads less
		 * ({@link Rollup.Span#coverByDifference}).
		 */
		List<Piece> pieces(boolean byDifference) {
			BiFunction<Instant, Instant, List<Span>> cover = byDifference ? Span::coverByDifference : Span::cover;
			List<Piece> pieces = new ArrayList<>();
			if (!this.perPeriod) {
				cover.apply(this.query.from(), this.query.to()).forEach((span) -> pieces.add(new Piece(null, span)));
				return pieces;
			}
			ZoneId zone = this.query.zone();
			for (LocalDate period : this.query.periods()) {
				Instant start = period.atStartOfDay(zone).toInstant();
				Instant end = this.query.interval().next(period).atStartOfDay(zone).toInstant();
				Instant from = start.isAfter(this.query.from()) ? start : this.query.from();
				Instant to = end.isBefore(this.query.to()) ? end : this.query.to();
				cover.apply(from, to).forEach((span) -> pieces.add(new Piece(period, span)));
			}
			return pieces;
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

		private static String unit(Interval interval) {
			return interval.parameter();
		}

	}

}

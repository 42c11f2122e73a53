package io.claimport.analytics.metric.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.claimport.analytics.metric.domain.Dimension.CATEGORY;
import static io.claimport.analytics.metric.domain.Dimension.CLAIM_CATEGORY;
import static io.claimport.analytics.metric.domain.Dimension.CLAIM_TYPE;
import static io.claimport.analytics.metric.domain.Dimension.CREDIT_TYPE;
import static io.claimport.analytics.metric.domain.Dimension.CURRENCY;
import static io.claimport.analytics.metric.domain.Dimension.ISSUE_TYPE;
import static io.claimport.analytics.metric.domain.Dimension.ORDER_STATUS;
import static io.claimport.analytics.metric.domain.Dimension.REQUESTED_RESOLUTION;
import static io.claimport.analytics.metric.domain.Dimension.RESOLUTION_TYPE;
import static io.claimport.analytics.metric.domain.Dimension.SALES_CHANNEL;
import static io.claimport.analytics.metric.domain.Dimension.SKU;
import static io.claimport.analytics.metric.domain.Dimension.STATE;
import static io.claimport.analytics.metric.domain.Measure.AMOUNT;
import static io.claimport.analytics.metric.domain.Measure.COUNT;
import static io.claimport.analytics.metric.domain.Measure.DENOMINATOR;
import static io.claimport.analytics.metric.domain.Measure.MEDIAN_SECONDS;
import static io.claimport.analytics.metric.domain.Measure.NUMERATOR;
import static io.claimport.analytics.metric.domain.Measure.P90_SECONDS;
import static io.claimport.analytics.metric.domain.Measure.RATE;

/**
 * The metric catalogue: each metric's name, what it counts and how, the one place that
 * says so. The API publishes these definitions ({@code GET /api/v1/analytics/metrics})
 * and docs/architecture.md repeats them.
 */
public enum Metric {

	CLAIMS("claims", "Claims filed", Unit.COUNT, Money.NONE, List.of(COUNT),
			List.of(STATE, CLAIM_TYPE, ISSUE_TYPE, CLAIM_CATEGORY, SALES_CHANNEL, REQUESTED_RESOLUTION, SKU, CATEGORY),
			"The number of claims filed.", null, null, "ClaimCreated (breakdowns by state follow ClaimStateChanged)",
			"the time the claim was filed"),

	CLAIM_RATE("claim-rate", "Claim rate", Unit.RATIO, Money.NONE, List.of(NUMERATOR, DENOMINATOR, RATE),
			List.of(SKU, CATEGORY), "Claims filed in a period per order placed in it.",
			"claims filed (by SKU or category: claims with an item of it)",
			"orders placed (by SKU or category: orders with a line of it)", "ClaimCreated, OrderCreated, OrderUpdated",
			"claims at the time they were filed, orders at the time they were placed (orderedAt)"),

	APPROVAL_RATE("approval-rate", "Approval rate", Unit.RATIO, Money.NONE, List.of(NUMERATOR, DENOMINATOR, RATE),
			List.of(CLAIM_TYPE, ISSUE_TYPE, CLAIM_CATEGORY, SALES_CHANNEL),
			"The share of decided claims whose decision is an approval.",
			"decided claims whose latest decision is APPROVED or RESOLVED_BY_BRAND",
			"claims decided: moved to APPROVED, DENIED, DISMISSED or RESOLVED_BY_BRAND at least once (a claim "
					+ "put aside as TEMPORARILY_DISMISSED is not decided)",
			"ClaimStateChanged",
			"the time of the claim's first decision; a decision changed later (an appeal) "
					+ "changes the outcome the claim is counted with, not the period"),

	DENIAL_RATE("denial-rate", "Denial rate", Unit.RATIO, Money.NONE, List.of(NUMERATOR, DENOMINATOR, RATE),
			List.of(CLAIM_TYPE, ISSUE_TYPE, CLAIM_CATEGORY, SALES_CHANNEL),
			"The share of decided claims whose decision is a denial.", "decided claims whose latest decision is DENIED",
			"claims decided, as for approval-rate", "ClaimStateChanged",
			"the time of the claim's first decision, as for approval-rate"),

	TIME_TO_FIRST_DECISION("time-to-first-decision", "Time to first decision", Unit.SECONDS, Money.NONE,
			List.of(COUNT, MEDIAN_SECONDS, P90_SECONDS), List.of(CLAIM_TYPE, ISSUE_TYPE, CLAIM_CATEGORY, SALES_CHANNEL),
			"From filing to the first decision (APPROVED, DENIED, DISMISSED or RESOLVED_BY_BRAND): the median and "
					+ "the 90th percentile in seconds over the claims decided, and how many they are. "
					+ Wording.PERCENTILES,
			null, null, "ClaimCreated, ClaimStateChanged", "the time of the first decision"),

	TIME_TO_RESOLUTION("time-to-resolution", "Time to resolution", Unit.SECONDS, Money.NONE,
			List.of(COUNT, MEDIAN_SECONDS, P90_SECONDS), List.of(CLAIM_TYPE, ISSUE_TYPE, CLAIM_CATEGORY, SALES_CHANNEL),
			"From filing to the first time the claim became RESOLVED or RESOLVED_BY_BRAND: the median and the 90th "
					+ "percentile in seconds over the claims resolved, and how many they are. " + Wording.PERCENTILES,
			null, null, "ClaimCreated, ClaimStateChanged", "the time the claim was first resolved"),

	RESOLUTION_COST("resolution-cost", "Resolution cost", Unit.MONEY, Money.PER_CURRENCY, List.of(COUNT, AMOUNT),
			List.of(RESOLUTION_TYPE),
			"What settling claims cost: the amount paid plus the shipping refunded, of every resolution recorded "
					+ "(refunds, store credits, reships …), and how many resolutions.",
			null, null, "ClaimResolved", "the time the resolution was recorded"),

	TOP_SKUS("top-skus", "Top SKUs by claims", Unit.RATIO, Money.NONE, List.of(NUMERATOR, DENOMINATOR, RATE),
			List.of(SKU),
			"The SKUs with the most claims (rank=claims, the default) or the highest claim rate (rank=claimRate, "
					+ "SKUs ordered in the range only), with the product holding each and its category; "
					+ "limit says how many. As a series: the top SKUs of the whole range, period by period.",
			"claims filed with an item of the SKU", "orders placed with a line of the SKU",
			"ClaimCreated, OrderCreated, OrderUpdated, ProductCreated, ProductUpdated, ProductDeleted",
			"as for claim-rate"),

	ORDERS("orders", "Orders placed", Unit.COUNT, Money.NONE, List.of(COUNT), List.of(ORDER_STATUS, CURRENCY, SKU),
			"The number of orders placed (by SKU: orders with a line of it).", null, null,
			"OrderCreated, OrderUpdated, OrderStatusChanged", "the time the order was placed (orderedAt)"),

	ORDER_VALUE("order-value", "Order value", Unit.MONEY, Money.PER_CURRENCY, List.of(COUNT, AMOUNT),
			List.of(ORDER_STATUS), "The total amount of the orders placed, and how many they are.", null, null,
			"OrderCreated, OrderUpdated, OrderStatusChanged", "the time the order was placed (orderedAt)"),

	STORE_CREDIT("store-credit", "Store credit issued", Unit.MONEY, Money.PER_CURRENCY, List.of(COUNT, AMOUNT),
			List.of(CREDIT_TYPE), "The total value (credit plus bonus) of the store credits issued, and how many.",
			null, null, "StoreCreditIssued", "the time the credit was issued");

	private final String metricName;

	private final String title;

	private final Unit unit;

	private final Money money;

	private final List<Measure> measures;

	private final List<Dimension> dimensions;

	private final String definition;

	private final String numerator;

	private final String denominator;

	private final String events;

	private final String countedAt;

	Metric(String metricName, String title, Unit unit, Money money, List<Measure> measures, List<Dimension> dimensions,
			String definition, String numerator, String denominator, String events, String countedAt) {
		this.metricName = metricName;
		this.title = title;
		this.unit = unit;
		this.money = money;
		this.measures = measures;
		this.dimensions = dimensions;
		this.definition = definition;
		this.numerator = numerator;
		this.denominator = denominator;
		this.events = events;
		this.countedAt = countedAt;
	}

	public static Optional<Metric> named(String name) {
		return Arrays.stream(values()).filter((metric) -> metric.metricName.equals(name)).findFirst();
	}

	public static List<String> names() {
		return Arrays.stream(values()).map(Metric::metricName).toList();
	}

	public String metricName() {
		return this.metricName;
	}

	public String title() {
		return this.title;
	}

	public Unit unit() {
		return this.unit;
	}

	/**
	 * Whether its rows are per currency: amounts in different currencies never add up.
	 */
	public boolean perCurrency() {
		return this.money == Money.PER_CURRENCY;
	}

	public List<Measure> measures() {
		return this.measures;
	}

	public List<Dimension> dimensions() {
		return this.dimensions;
	}

	public String definition() {
		return this.definition;
	}

	public String numerator() {
		return this.numerator;
	}

	public String denominator() {
		return this.denominator;
	}

	public String events() {
		return this.events;
	}

	public String countedAt() {
		return this.countedAt;
	}

	/** How currencies are kept apart, in words. */
	public String currencies() {
		return perCurrency() ? "one row per ISO 4217 currency; amounts in different currencies are never added"
				: "not an amount of money";
	}

	/** What a metric's numbers are. */
	public enum Unit {

		COUNT, RATIO, SECONDS, MONEY

	}

	/** Words more than one definition uses (an enum's own constants cannot). */
	private static final class Wording {

		/** How the durations' percentiles are computed. */
		static final String PERCENTILES = "Percentiles are interpolated from a histogram of whole seconds, one bucket "
				+ "a second up to a minute, then each bucket 1/64 as wide as where it starts: exact up to a minute, "
				+ "within 1.6 % of the exact value above.";

	}

	private enum Money {

		NONE, PER_CURRENCY

	}

}

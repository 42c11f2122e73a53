package io.claimport.analytics.metric.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One row of a metric's answer: a period (null in the total), a group of the breakdown
 * (null without one, or for things without a value of it), a currency (money only), the
 * product holding the SKU (top-skus only), and the numbers the metric has; those it has
 * not are null.
 */
public record MetricRow(LocalDate period, String group, String currency, Long count, Long numerator, Long denominator,
		Long medianSeconds, Long p90Seconds, BigDecimal amount, Product product) {

	private static final int RATE_SCALE = 4;

	/** The product holding a SKU now. */
	public record Product(String productId, String name, String category) {

	}

	public static MetricRow counted(LocalDate period, String group, String currency, long count) {
		return new MetricRow(period, group, currency, count, null, null, null, null, null, null);
	}

	public static MetricRow ratio(LocalDate period, String group, long numerator, long denominator) {
		return new MetricRow(period, group, null, null, numerator, denominator, null, null, null, null);
	}

	public static MetricRow durations(LocalDate period, String group, long count, Long medianSeconds, Long p90Seconds) {
		return new MetricRow(period, group, null, count, null, null, medianSeconds, p90Seconds, null, null);
	}

	public static MetricRow money(LocalDate period, String group, String currency, long count, BigDecimal amount) {
		return new MetricRow(period, group, currency, count, null, null, null, null, amount, null);
	}

	/** A row of the metric where nothing was counted. */
	public static MetricRow nothing(Metric metric, LocalDate period, String group, String currency) {
		return switch (metric.unit()) {
			case COUNT -> counted(period, group, currency, 0);
			case RATIO -> ratio(period, group, 0, 0);
			case SECONDS -> durations(period, group, 0, null, null);
			case MONEY -> money(period, group, currency, 0, BigDecimal.ZERO);
		};
	}

	/**
	 * The numerator over the denominator, to four places; null when nothing is divided.
	 */
	public BigDecimal rate() {
		if (this.numerator == null || this.denominator == null || this.denominator == 0) {
			return null;
		}
		return BigDecimal.valueOf(this.numerator)
			.divide(BigDecimal.valueOf(this.denominator), RATE_SCALE, RoundingMode.HALF_EVEN);
	}

	public MetricRow withProduct(Product product) {
		return new MetricRow(this.period, this.group, this.currency, this.count, this.numerator, this.denominator,
				this.medianSeconds, this.p90Seconds, this.amount, product);
	}

	/** What rows of a breakdown are ranked by: the larger, the higher. */
	long weight() {
		if (this.denominator != null) {
			return this.denominator;
		}
		return (this.count != null) ? this.count : 0;
	}

}

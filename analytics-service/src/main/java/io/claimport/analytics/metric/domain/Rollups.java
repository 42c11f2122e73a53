package io.claimport.analytics.metric.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.claimport.analytics.metric.domain.Rollup.Grain;
import io.claimport.analytics.metric.domain.Rollup.Key;
import io.claimport.analytics.metric.domain.Rollup.Measure;
import io.claimport.analytics.metric.domain.Rollup.Tally;

/**
 * What each fact adds to the roll-ups, and the changes a batch of facts makes to them: a
 * fact that changes (a claim decided, an order's status) takes back what it added and
 * adds what it adds now, so a claim's count moves from its old state to its new one.
 * Every change is kept in the roll-ups' key order.
 */
public final class Rollups {

	/** The breakdowns of claims and decisions, beside their totals. */
	public static final List<Dimension> CLAIM_DIMENSIONS = List.of(Dimension.STATE, Dimension.CLAIM_TYPE,
			Dimension.ISSUE_TYPE, Dimension.CLAIM_CATEGORY, Dimension.SALES_CHANNEL, Dimension.REQUESTED_RESOLUTION);

	private final Map<Key, Tally> changes = new TreeMap<>();

	/** Adds a fact's tallies. */
	public Rollups add(Map<Key, Tally> tallies) {
		tallies.forEach(this::merge);
		return this;
	}

	/** Takes back a fact's tallies, as it was before it changed. */
	public Rollups subtract(Map<Key, Tally> tallies) {
		tallies.forEach((key, tally) -> merge(key, tally.negated()));
		return this;
	}

	/** The roll-up rows to change, in key order, without those that came out even. */
	public List<Map.Entry<Key, Tally>> changes() {
		return this.changes.entrySet().stream().filter((entry) -> !entry.getValue().isZero()).toList();
	}

	public void clear() {
		this.changes.clear();
	}

	private void merge(Key key, Tally tally) {
		this.changes.merge(key, tally, Tally::plus);
	}

	/** The breakdowns of the durations, beside their totals. */
	public static final List<Dimension> DURATION_DIMENSIONS = Metric.TIME_TO_RESOLUTION.dimensions();

	/**
	 * A claim's tallies: one claim when filed, in total and in each breakdown; once
	 * decided, one decided claim with its latest decision, and the time to its first
	 * decision, when first decided; once resolved, the time to its resolution, when first
	 * resolved.
	 */
	public static Map<Key, Tally> ofClaim(ClaimFacts claim) {
		Map<Key, Tally> tallies = new TreeMap<>();
		if (claim == null) {
			return tallies;
		}
		countIn(tallies, Measure.CLAIMS, CLAIM_DIMENSIONS, claim.filedAt(), claim, null);
		if (claim.firstDecidedAt() != null) {
			countIn(tallies, Measure.DECISIONS, CLAIM_DIMENSIONS, claim.firstDecidedAt(), claim, claim.decision());
			countIn(tallies, Measure.DECISION_TIMES, DURATION_DIMENSIONS, claim.firstDecidedAt(), claim,
					bucket(claim.filedAt(), claim.firstDecidedAt()));
		}
		if (claim.resolvedAt() != null) {
			countIn(tallies, Measure.RESOLUTION_TIMES, DURATION_DIMENSIONS, claim.resolvedAt(), claim,
					bucket(claim.filedAt(), claim.resolvedAt()));
		}
		return tallies;
	}

	/** The bucket of the time from one instant to another, in whole seconds. */
	private static String bucket(Instant from, Instant to) {
		return Integer.toString(DurationBuckets.bucketOf(Duration.between(from, to).getSeconds()));
	}

	private static void countIn(Map<Key, Tally> tallies, Measure measure, List<Dimension> dimensions, Instant at,
			ClaimFacts claim, String detail) {
		put(tallies, measure, Rollup.TOTAL, at, null, detail, Tally.ONE);
		for (Dimension dimension : dimensions) {
			put(tallies, measure, dimension.parameter(), at, claim.valueOf(dimension), detail, Tally.ONE);
		}
	}

	/**
	 * An order's tallies, at its purchase: one order with its total, in its currency, in
	 * total and by status. None for an order not known.
	 */
	public static Map<Key, Tally> ofOrder(Instant orderedAt, String status, BigDecimal total, String currency) {
		Map<Key, Tally> tallies = new TreeMap<>();
		if (orderedAt != null) {
			Tally tally = Tally.of(total);
			put(tallies, Measure.ORDERS, Rollup.TOTAL, orderedAt, null, currency, tally);
			put(tallies, Measure.ORDERS, Dimension.ORDER_STATUS.parameter(), orderedAt, status, currency, tally);
		}
		return tallies;
	}

	/**
	 * One claim or order ({@link Measure#CLAIM_SKUS}, {@link Measure#ORDER_SKUS}) for
	 * each SKU it names, however many of its items or lines name it.
	 */
	public static Map<Key, Tally> ofSkus(Measure measure, Instant at, Collection<String> skus) {
		Map<Key, Tally> tallies = new TreeMap<>();
		if (at == null) {
			return tallies;
		}
		for (String sku : new LinkedHashSet<>(skus)) {
			put(tallies, measure, Dimension.SKU.parameter(), at, sku, null, Tally.ONE);
		}
		return tallies;
	}

	/**
	 * A resolution's or a store credit's tallies ({@link Measure#RESOLUTIONS},
	 * {@link Measure#CREDITS}): one, with its amount in its currency, in total and by its
	 * type.
	 */
	public static Map<Key, Tally> ofMoney(Measure measure, Dimension byType, Instant at, String type, BigDecimal amount,
			String currency) {
		Map<Key, Tally> tallies = new TreeMap<>();
		Tally tally = Tally.of(amount);
		put(tallies, measure, Rollup.TOTAL, at, null, currency, tally);
		put(tallies, measure, byType.parameter(), at, type, currency, tally);
		return tallies;
	}

	private static void put(Map<Key, Tally> tallies, Measure measure, String dimension, Instant at, String value,
			String detail, Tally tally) {
		for (Grain grain : measure.grains()) {
			tallies.merge(new Key(measure, grain, dimension, grain.slotOf(at), value, detail), tally, Tally::plus);
		}
	}

}

package io.claimport.analytics.metric.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * Counts and sums kept per account, time slot and breakdown as the facts change, so that
 * a metric reads a few rows per slot instead of every fact of its range
 * (V3__metric_rollups.sql). A slot is a quarter of an hour: every time zone's day, week
 * and month is a whole number of them. Each count is kept a second time per UTC day,
 * which a range's whole UTC days read instead when no series in another zone needs the
 * quarter hours.
 */
public final class Rollup {

	/** The breakdown of a roll-up's totals, which every roll-up has. */
	public static final String TOTAL = "";

	private Rollup() {
	}

	/** What a roll-up counts, at which time of the fact. */
	public enum Measure {

		/** Claims, at their filing, per breakdown. */
		CLAIMS,

		/** Decided claims, at their first decision, per breakdown and latest decision. */
		DECISIONS,

		/** Orders, at their purchase, per status and currency, with their total. */
		ORDERS,

		/** Claims naming a SKU, at their filing. */
		CLAIM_SKUS,

		/** Orders with a line of a SKU, at their purchase. */
		ORDER_SKUS,

		/** Resolutions, when made, per type and currency, with what they cost. */
		RESOLUTIONS,

		/** Store credit issued, per type and currency, with its value. */
		CREDITS;

		public String code() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	/** How long a roll-up's slot is. */
	public enum Grain {

		QUARTER_HOUR(Duration.ofMinutes(15)),

		DAY(Duration.ofDays(1));

		private final Duration length;

		Grain(Duration length) {
			this.length = length;
		}

		public Duration length() {
			return this.length;
		}

		/** The slot holding this instant: its start, in whole slots since the epoch. */
		public Instant slotOf(Instant at) {
			long seconds = this.length.toSeconds();
			return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
		}

		/** Whether the instant is where a slot starts. */
		public boolean starts(Instant at) {
			return at.getNano() == 0 && slotOf(at).equals(at);
		}

		public String code() {
			return (this == DAY) ? "day" : "15m";
		}

	}

	/**
	 * One row of the roll-ups: a measure at a grain, broken down by {@code dimension} (a
	 * {@link Dimension#parameter()}, or {@link #TOTAL}) into {@code value}, with
	 * {@code detail} the latest decision of {@link Measure#DECISIONS} and the currency of
	 * money, empty otherwise. An absent value is empty.
	 */
	public record Key(Measure measure, Grain grain, String dimension, Instant slot, String value,
			String detail) implements Comparable<Key> {

		/** The order rows are written in, the table's key's: no two writers deadlock. */
		private static final Comparator<Key> ORDER = Comparator.comparing((Key key) -> key.measure.code())
			.thenComparing(Key::dimension)
			.thenComparing((Key key) -> key.grain.code())
			.thenComparing(Key::slot)
			.thenComparing(Key::value)
			.thenComparing(Key::detail);

		public Key {
			Objects.requireNonNull(measure, "measure");
			Objects.requireNonNull(grain, "grain");
			Objects.requireNonNull(slot, "slot");
			dimension = Objects.requireNonNullElse(dimension, TOTAL);
			value = Objects.requireNonNullElse(value, "");
			detail = Objects.requireNonNullElse(detail, "");
		}

		@Override
		public int compareTo(Key other) {
			return ORDER.compare(this, other);
		}

	}

	/** A count and, for money, a sum. */
	public record Tally(long count, BigDecimal amount) {

		public static final Tally ONE = new Tally(1, BigDecimal.ZERO);

		public Tally {
			Objects.requireNonNull(amount, "amount");
		}

		public static Tally of(BigDecimal amount) {
			return new Tally(1, (amount != null) ? amount : BigDecimal.ZERO);
		}

		public Tally plus(Tally other) {
			return new Tally(this.count + other.count, this.amount.add(other.amount));
		}

		public Tally negated() {
			return new Tally(-this.count, this.amount.negate());
		}

		public boolean isZero() {
			return this.count == 0 && this.amount.signum() == 0;
		}

	}

}

package io.claimport.analytics.metric.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Counts and sums kept per account, time slot and breakdown as the facts change, so that
 * a metric reads a few rows per slot instead of every fact of its range
 * (V3__metric_rollups.sql, V5__rollup_months_and_durations.sql). Each is kept per quarter
 * of an hour (every time zone's day, week and month is a whole number of them), per UTC
 * day and per UTC month: a range reads its whole UTC months from the monthly rows, the
 * whole UTC days left from the daily rows and the rest from the quarter hours
 * ({@link Span#cover}). The durations' histograms are kept per day and month only: a
 * quarter hour holds about as many of them as claims, so the rest of a range reads the
 * claims' facts instead, bucketed alike ({@link DurationBuckets}).
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
		CREDITS,

		/**
		 * Decided claims, at their first decision, per breakdown and bucket of the time
		 * it took ({@link DurationBuckets}, the detail).
		 */
		DECISION_TIMES,

		/**
		 * Resolved claims, when first resolved, per breakdown and bucket of the time it
		 * took.
		 */
		RESOLUTION_TIMES;

		public String code() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		/** The grains it is kept at. */
		public List<Grain> grains() {
			return (this == DECISION_TIMES || this == RESOLUTION_TIMES) ? List.of(Grain.DAY, Grain.MONTH)
					: List.of(Grain.values());
		}

	}

	/** How long a roll-up's slot is: each holds whole slots of the finer ones. */
	public enum Grain {

		QUARTER_HOUR("15m"),

		DAY("day"),

		/** A calendar month of UTC. */
		MONTH("mon");

		private static final long QUARTER_HOUR_SECONDS = 15 * 60;

		private static final long DAY_SECONDS = 24 * 60 * 60;

		private final String code;

		Grain(String code) {
			this.code = code;
		}

		/** The slot holding this instant: its start. */
		public Instant slotOf(Instant at) {
			return switch (this) {
				case QUARTER_HOUR -> floor(at, QUARTER_HOUR_SECONDS);
				case DAY -> floor(at, DAY_SECONDS);
				case MONTH ->
					LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			};
		}

		/** Where the slot starting at {@code slot} ends. */
		public Instant next(Instant slot) {
			return switch (this) {
				case QUARTER_HOUR -> slot.plusSeconds(QUARTER_HOUR_SECONDS);
				case DAY -> slot.plusSeconds(DAY_SECONDS);
				case MONTH -> slot.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
			};
		}

		/** Whether the instant is where a slot starts. */
		public boolean starts(Instant at) {
			return slotOf(at).equals(at);
		}

		public String code() {
			return this.code;
		}

		private static Instant floor(Instant at, long seconds) {
			return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
		}

	}

	/**
	 * A part of a range read from one grain's rows: {@code [from, to)}, whole slots of
	 * {@code grain}; or, with no grain, a part shorter than a quarter hour or not on its
	 * edges, which only the facts can answer.
	 */
	public record Span(Grain grain, Instant from, Instant to) {

		public Span {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
		}

		/**
		 * The fewest slots covering {@code [from, to)}, in time order: the whole months
		 * in it, the whole days on either side, then the quarter hours, then what is
		 * left.
		 */
		public static List<Span> cover(Instant from, Instant to) {
			List<Span> spans = new ArrayList<>();
			cover(from, to, Grain.values().length - 1, spans);
			return spans;
		}

		private static void cover(Instant from, Instant to, int grainIndex, List<Span> spans) {
			if (!from.isBefore(to)) {
				return;
			}
			if (grainIndex < 0) {
				spans.add(new Span(null, from, to));
				return;
			}
			Grain grain = Grain.values()[grainIndex];
			Instant first = grain.starts(from) ? from : grain.next(grain.slotOf(from));
			Instant last = grain.slotOf(to);
			if (!first.isBefore(last)) {
				cover(from, to, grainIndex - 1, spans);
				return;
			}
			cover(from, first, grainIndex - 1, spans);
			spans.add(new Span(grain, first, last));
			cover(last, to, grainIndex - 1, spans);
		}

	}

	/**
	 * One row of the roll-ups: a measure at a grain, broken down by {@code dimension} (a
	 * {@link Dimension#parameter()}, or {@link #TOTAL}) into {@code value}, with
	 * {@code detail} the latest decision of {@link Measure#DECISIONS}, the currency of
	 * money, the bucket of a duration, empty otherwise. An absent value is empty.
	 */
	public record Key(Measure measure, Grain grain, String dimension, Instant slot, String value,
			String detail) implements Comparable<Key> {

		/** The order rows are written in, the table's key's: no two writers deadlock. */
		private static final Comparator<Key> ORDER = Comparator.comparing((Key key) -> key.measure.code())
			.thenComparing(Key::dimension)
			.thenComparing((Key key) -> key.grain.code)
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

package io.claimport.analytics.metric.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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
	 * edges, which only the facts can answer. A span of sign -1 is taken away: the part
	 * of a whole day or month read that lies outside the range.
	 */
	public record Span(Grain grain, Instant from, Instant to, int sign) {

		public Span {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
			if (sign != 1 && sign != -1) {
				throw new IllegalArgumentException("a span is added (1) or taken away (-1), not " + sign);
			}
		}

		/**
		 * The fewest slots covering {@code [from, to)}, in time order: the whole months
		 * in it, the whole days on either side, then the quarter hours, then what is
		 * left.
		 */
		public static List<Span> cover(Instant from, Instant to) {
			List<Span> spans = new ArrayList<>();
			cover(from, to, Grain.values().length - 1, 1, spans);
			return spans;
		}

		/**
		 * Like {@link #cover}, but an edge of the range inside a UTC day or month may be
		 * read as the whole day or month less what lies outside the range, when that
		 * reads fewer seconds finer than a day, then fewer slots: a day of New York
		 * (05:00 to 05:00 UTC in winter) is its first UTC day less its first five hours,
		 * plus the first five hours of the next, not 24 hours of quarter hours.
		 */
		public static List<Span> coverByDifference(Instant from, Instant to) {
			List<Span> best = List.of();
			long[] lowest = null;
			for (Instant start : edges(from, Grain.DAY.slotOf(from), Grain.MONTH.slotOf(from))) {
				for (Instant end : edges(to, ceiling(Grain.DAY, to), ceiling(Grain.MONTH, to))) {
					List<Span> spans = new ArrayList<>();
					cover(start, end, Grain.values().length - 1, 1, spans);
					cover(start, from, Grain.values().length - 1, -1, spans);
					cover(to, end, Grain.values().length - 1, -1, spans);
					long[] cost = cost(spans);
					if (lowest == null || Arrays.compare(cost, lowest) < 0) {
						best = spans;
						lowest = cost;
					}
				}
			}
			return best;
		}

		private static List<Instant> edges(Instant... edges) {
			return Arrays.stream(edges).distinct().toList();
		}

		private static Instant ceiling(Grain grain, Instant at) {
			return grain.starts(at) ? at : grain.next(grain.slotOf(at));
		}

		/**
		 * What reading the spans costs: seconds finer than a day, then days and months.
		 */
		private static long[] cost(List<Span> spans) {
			long finer = 0;
			long slots = 0;
			for (Span span : spans) {
				long seconds = Duration.between(span.from, span.to).getSeconds();
				if (span.grain == null || span.grain == Grain.QUARTER_HOUR) {
					finer += seconds;
				}
				else {
					slots += (span.grain == Grain.DAY) ? seconds / Grain.DAY_SECONDS : ChronoUnit.MONTHS
						.between(span.from.atOffset(ZoneOffset.UTC), span.to.atOffset(ZoneOffset.UTC));
				}
			}
			return new long[] { finer, slots };
		}

		private static void cover(Instant from, Instant to, int grainIndex, int sign, List<Span> spans) {
			if (!from.isBefore(to)) {
				return;
			}
			if (grainIndex < 0) {
				spans.add(new Span(null, from, to, sign));
				return;
			}
			Grain grain = Grain.values()[grainIndex];
			Instant first = ceiling(grain, from);
			Instant last = grain.slotOf(to);
			if (!first.isBefore(last)) {
				cover(from, to, grainIndex - 1, sign, spans);
				return;
			}
			cover(from, first, grainIndex - 1, sign, spans);
			spans.add(new Span(grain, first, last, sign));
			cover(last, to, grainIndex - 1, sign, spans);
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

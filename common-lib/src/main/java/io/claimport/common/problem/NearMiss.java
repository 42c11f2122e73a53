package io.claimport.common.problem;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The name probably meant when a caller gives one an endpoint does not know, a query
 * parameter ({@code ?customer=} for {@code customerEmail}) or a body field
 * ({@code warantyMonths}).
 */
public final class NearMiss {

	private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

	/** The rule of a query parameter an endpoint does not take. */
	public static final String UNKNOWN_PARAMETER = "unknownParameter";

	private static final int LONGEST_NAME_SHOWN = 100;

	private NearMiss() {
	}

	/**
	 * A query parameter the endpoint does not take: named (at most 100 characters of it),
	 * with the one probably meant and the ones it takes.
	 */
	public static FieldViolation unknownParameter(String name, Collection<String> known) {
		String shown = (name.length() > LONGEST_NAME_SHOWN) ? name.substring(0, LONGEST_NAME_SHOWN) + "…" : name;
		StringBuilder message = new StringBuilder("'").append(shown).append("' is not a parameter of this endpoint");
		among(name, known).ifPresent((meant) -> message.append("; did you mean '").append(meant).append("'?"));
		message.append(known.isEmpty() ? "; it takes none" : "; it takes " + String.join(", ", known));
		return new FieldViolation(shown, UNKNOWN_PARAMETER, message.toString());
	}

	/**
	 * The same name in another case, one it begins (or that begins it), or the closest
	 * within three edits.
	 */
	public static Optional<String> among(String name, Collection<String> known) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (String candidate : known) {
			if (candidate.equalsIgnoreCase(name)) {
				return Optional.of(candidate);
			}
		}
		for (String candidate : known) {
			String other = candidate.toLowerCase(Locale.ROOT);
			if (lower.length() >= 3 && (other.startsWith(lower) || lower.startsWith(other))) {
				return Optional.of(candidate);
			}
		}
		// the distance is -1 beyond the threshold, so each candidate is measured once
		return known.stream()
			.map((candidate) -> Map.entry(candidate, DISTANCE.apply(lower, candidate.toLowerCase(Locale.ROOT))))
			.filter((measured) -> measured.getValue() >= 0)
			.min(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey);
	}

}

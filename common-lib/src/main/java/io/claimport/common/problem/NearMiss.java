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

	private NearMiss() {
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

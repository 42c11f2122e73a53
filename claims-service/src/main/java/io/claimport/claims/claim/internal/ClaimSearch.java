package io.claimport.claims.claim.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a claims listing asks for: for each filtered attribute the values any of which it
 * may have, combined across attributes with AND or OR; time windows on creation and
 * change, which always apply; and a page, forwards ({@code first} after a cursor) or
 * backwards ({@code last} before one).
 */
public record ClaimSearch(Map<String, List<Object>> anyOf, boolean matchAll, Instant createdAfter,
		Instant createdBefore, Instant updatedAfter, Instant updatedBefore, Page page) {

	public ClaimSearch {
		anyOf = Map.copyOf(anyOf);
	}

	/**
	 * A page of {@code size} claims, newest first, after or before a cursor (a claim id).
	 */
	public record Page(int size, boolean backwards, String cursor) {

	}

}

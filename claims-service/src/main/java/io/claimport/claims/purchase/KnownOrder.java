package io.claimport.claims.purchase;

import java.time.Instant;
import java.util.Map;

/**
 * An order of the account as the claims service knows it from the order service's events:
 * when it was bought and, from schema version 2 on, how many of each SKU; null lines for
 * an order announced by a version 1 event.
 */
public record KnownOrder(String orderId, Instant purchasedAt, Map<String, Integer> quantities) {

	public boolean linesKnown() {
		return this.quantities != null;
	}

}

package io.claimport.claims.purchase;

import java.time.Instant;
import java.util.List;

/**
 * An order of the account as the claims service knows it from the order service's events:
 * when it was bought and, from schema version 2 on, its lines; null lines for an order
 * announced by a version 1 event.
 */
public record KnownOrder(String orderId, Instant purchasedAt, List<Line> lines) {

	public boolean linesKnown() {
		return this.lines != null;
	}

	/**
	 * The lines a claim's {@code itemId} names: the line with that id ({@code li_…}),
	 * else the one with that store id, else those of that SKU (more than one if the order
	 * has the SKU on several lines).
	 */
	public List<Line> named(String itemId) {
		List<Line> byId = this.lines.stream().filter((line) -> itemId.equals(line.id())).toList();
		if (!byId.isEmpty()) {
			return byId;
		}
		List<Line> bySource = this.lines.stream().filter((line) -> itemId.equals(line.sourceItemId())).toList();
		return bySource.isEmpty() ? this.lines.stream().filter((line) -> itemId.equals(line.sku())).toList() : bySource;
	}

	/**
	 * One line of the order.
	 *
	 * @param id ClaimPort's id of the line, null for a line of a version 2 event (one per
	 * SKU)
	 * @param sourceItemId the store's id of the line, if it gave one
	 */
	public record Line(String id, String sourceItemId, String sku, int quantity) {

		/**
		 * What claims of this line are counted under: its id, or its SKU if it has none.
		 */
		public String key() {
			return (this.id != null) ? this.id : this.sku;
		}

	}

}

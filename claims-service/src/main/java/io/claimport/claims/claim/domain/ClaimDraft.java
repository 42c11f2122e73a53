package io.claimport.claims.claim.domain;

import java.util.List;

/** A claim as an integrator filed it, already checked field by field. */
public record ClaimDraft(String orderId, String sourceOrderId, String sourceOrderNumber, String authorName,
		String authorEmail, String claimDescription, String claimType, boolean isOta, String otaDescription,
		String policyId, List<Item> claimItems) {

	/**
	 * One item claimed: how the integrator named it and how many.
	 *
	 * @param lineItemId the line of the order it is, once known
	 * @param sku the SKU of that line, once known
	 */
	public record Item(String itemId, int quantity, String lineItemId, String sku) {

		public Item(String itemId, int quantity) {
			this(itemId, quantity, null, null);
		}

	}

}

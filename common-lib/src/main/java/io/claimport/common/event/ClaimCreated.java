package io.claimport.common.event;

import java.util.List;

/**
 * A claim was filed. Schema version 2 added what analytics breaks claims down by: the
 * claim's category, issue type, sales channel ({@code ONLINE} for a claim on an order of
 * the store) and requested resolution (each null when the claim does not say), and its
 * items; a version 1 event has none of them (all read as null).
 */
public record ClaimCreated(String claimId, String orderId, String claimState, String claimType, int itemCount,
		String claimCategory, String issueType, String salesChannel, String requestedResolution, List<Item> items) {

	/** The claim's summary only, as schema version 1 carried it. */
	public ClaimCreated(String claimId, String orderId, String claimState, String claimType, int itemCount) {
		this(claimId, orderId, claimState, claimType, itemCount, null, null, null, null, null);
	}

	/**
	 * One item claimed: as the claim named it, the line of the order it is ({@code li_…},
	 * null when not known), its SKU (null when not known) and how many.
	 */
	public record Item(String itemId, String lineItemId, String sku, int quantity) {

	}

}

package io.claimport.claims.claim.web;

import java.time.Instant;
import java.util.List;

/**
 * A claim in the shape of the public claims API. Resolutions and messages come with the
 * claim life cycle; until then a claim has none.
 */
record ClaimNode(String id, String storeId, String orderId, String sourceOrderId, String sourceOrderNumber,
		String authorName, String authorEmail, String claimDescription, String claimState, boolean isOta,
		String otaDescription, String externalSource, String claimType, Instant createdAt, Instant updatedAt,
		Instant deletedAt, String policyId, List<Object> claimResolutions, List<Item> claimItems,
		List<Object> claimMessages) {

	record Item(String id, String claimId, String itemId, int quantity, Instant createdAt, Instant updatedAt,
			Instant deletedAt) {

	}

}

package io.claimport.claims.claim.domain;

import java.util.List;

/** Object Mother: claims as integrators file them. */
final class ClaimDrafts {

	private ClaimDrafts() {
	}

	/** A headset that arrived crushed: one item of order_77. */
	static ClaimDraft damagedHeadset() {
		return new ClaimDraft("order_77", null, null, "Ann Lee", "ann@example.com", "Crushed in transit", "DAMAGED",
				false, null, null, List.of(new ClaimDraft.Item("item_1", 1)));
	}

}

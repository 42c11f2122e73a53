package io.claimport.claims.claim.domain;

/** What went wrong, as the public offline claims API names it. */
public enum IssueType {

	STOLEN, DAMAGED, ORDER_DELIVERED_NOT_RECEIVED, DEFECTIVE_ITEM, WRONG_ITEM, MISSING_ITEM, RETURNED_TO_SENDER,
	MULTIPLE, TRACKING_NOT_MOVING, WRONG_ADDRESS

}

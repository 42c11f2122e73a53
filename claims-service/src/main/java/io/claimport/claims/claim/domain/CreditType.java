package io.claimport.claims.claim.domain;

/** The kind of store credit a claim is settled with. */
public enum CreditType {

	GIFT_CARD, DISCOUNT_CODE

}

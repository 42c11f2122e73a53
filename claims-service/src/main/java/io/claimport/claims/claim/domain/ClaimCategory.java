package io.claimport.claims.claim.domain;

/** What an offline claim is about: the shipment, or the product's warranty. */
public enum ClaimCategory {

	SHIPPING, WARRANTY

}

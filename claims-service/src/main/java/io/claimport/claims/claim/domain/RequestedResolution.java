package io.claimport.claims.claim.domain;

/** What the customer asks for in an offline claim. */
public enum RequestedResolution {

	RESHIP, REFUND, STORE_CREDIT

}

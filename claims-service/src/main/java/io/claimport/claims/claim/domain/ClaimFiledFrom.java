package io.claimport.claims.claim.domain;

/**
 * Who filed an offline claim: the customer through the store's channels, or the store's
 * staff.
 */
public enum ClaimFiledFrom {

	EXTERNAL, INTERNAL

}

package io.claimport.claims.claim.domain;

/**
 * The states of a claim, as the public claims API names them. A new claim is
 * {@link #NEW}.
 */
public enum ClaimState {

	NEW, OPEN, DISMISSED, DENIED, APPROVED, RESOLVED, ARCHIVED, COMMUNICATING, WAITING_FOR_CUSTOMER, WAITING_FOR_BRAND,
	WAITING_FOR_OP, RESOLVED_BY_BRAND, TEMPORARILY_DISMISSED, CLOSED

}

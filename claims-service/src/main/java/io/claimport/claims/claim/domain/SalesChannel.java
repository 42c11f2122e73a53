package io.claimport.claims.claim.domain;

/** Where the claimed item was sold. */
public enum SalesChannel {

	ONLINE, IN_STORE

}

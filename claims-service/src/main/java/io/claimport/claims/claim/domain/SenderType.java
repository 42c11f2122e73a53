package io.claimport.claims.claim.domain;

/** Who wrote a message on a claim; the API names them in lower case. */
public enum SenderType {

	CUSTOMER, BRAND, ADMIN, AUTOMATIC, SYSTEM

}

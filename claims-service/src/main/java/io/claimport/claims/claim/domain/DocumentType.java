package io.claimport.claims.claim.domain;

/** What a document attached to a claim is. */
public enum DocumentType {

	SIGNATURE, RECEIPT, PHOTO, VIDEO, INVOICE, SHIPPING_LABEL, POLICE_REPORT, OTHER

}

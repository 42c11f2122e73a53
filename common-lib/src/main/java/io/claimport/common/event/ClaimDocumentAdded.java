package io.claimport.common.event;

/**
 * A document was attached to a claim. Its URL stays in the claims service: a signed URL
 * is as good as the file.
 */
public record ClaimDocumentAdded(String claimId, String documentId, String documentType) {

}

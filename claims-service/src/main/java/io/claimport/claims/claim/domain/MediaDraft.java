package io.claimport.claims.claim.domain;

/**
 * A medium attached to a message: its URL and what it is ({@code IMAGE}, {@code VIDEO}
 * …).
 */
public record MediaDraft(String url, String mediaType) {

}

package io.claimport.common.event;

/**
 * A message was added to a claim. Its text and media stay in the claims service: they may
 * hold a customer's personal data.
 */
public record ClaimMessageAdded(String claimId, String messageId, String senderType, int mediaCount) {

}

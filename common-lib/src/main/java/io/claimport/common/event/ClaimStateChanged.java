package io.claimport.common.event;

/**
 * A claim moved from one state to another; {@code changedBy} is the id of the key that
 * moved it (never the key itself).
 */
public record ClaimStateChanged(String claimId, String fromState, String toState, String reason, String changedBy) {

}

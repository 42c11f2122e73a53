package io.claimport.common.event;

public record ClaimCreated(String claimId, String orderId, String claimState, String claimType, int itemCount) {

}

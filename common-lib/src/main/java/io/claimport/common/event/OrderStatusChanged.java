package io.claimport.common.event;

import java.time.Instant;

/** An order moved along its life cycle ({@code fromStatus} → {@code toStatus}). */
public record OrderStatusChanged(String orderId, String fromStatus, String toStatus, Instant changedAt) {

}

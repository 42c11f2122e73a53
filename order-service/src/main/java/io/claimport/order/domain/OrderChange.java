package io.claimport.order.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What an integrator changes of an order: each field null to leave it as it is. A move to
 * SHIPPED or DELIVERED without its time takes the time of the change.
 */
public record OrderChange(OrderStatus status, Instant shippedAt, Instant deliveredAt, String carrier,
		String trackingNumber, ShippingAddress shippingAddress) {

	Optional<OrderStatus> newStatus() {
		return Optional.ofNullable(this.status);
	}

}

package io.claimport.common.event;

import java.time.Instant;
import java.util.List;

/**
 * An order's details changed: the names of the fields that did ({@code shippedAt},
 * {@code deliveredAt}, {@code carrier}, {@code trackingNumber}, {@code shippingAddress}),
 * with the shipment's times and carrier as they are now. Neither the address nor the
 * tracking number travels: personal data stays in the order service.
 */
public record OrderUpdated(String orderId, List<String> changedFields, String status, Instant shippedAt,
		Instant deliveredAt, String carrier) {

	public OrderUpdated {
		changedFields = List.copyOf(changedFields);
	}

}

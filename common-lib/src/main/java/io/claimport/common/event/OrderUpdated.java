package io.claimport.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order's details changed: the names of the fields that did ({@code orderedAt},
 * {@code customer}, {@code currency}, {@code lineItems}, {@code shippedAt},
 * {@code deliveredAt}, {@code carrier}, {@code trackingNumber}, {@code shippingAddress}),
 * and the order as it is now in what consumers use of it: its status, shipment times and
 * carrier, its purchase time and lines (each SKU with its quantity, as in
 * {@link OrderCreated}) and, from schema version 3 on, its total and currency (null in
 * earlier events). Neither the customer, the address nor the tracking number travels:
 * personal data stays in the order service.
 */
public record OrderUpdated(String orderId, List<String> changedFields, String status, Instant shippedAt,
		Instant deliveredAt, String carrier, Instant purchasedAt, List<OrderCreated.Line> lineItems,
		BigDecimal totalAmount, String currency) {

	public OrderUpdated {
		changedFields = List.copyOf(changedFields);
		lineItems = List.copyOf(lineItems);
	}

	/** The order as schema version 2 carried it: without its total and currency. */
	public OrderUpdated(String orderId, List<String> changedFields, String status, Instant shippedAt,
			Instant deliveredAt, String carrier, Instant purchasedAt, List<OrderCreated.Line> lineItems) {
		this(orderId, changedFields, status, shippedAt, deliveredAt, carrier, purchasedAt, lineItems, null, null);
	}

}

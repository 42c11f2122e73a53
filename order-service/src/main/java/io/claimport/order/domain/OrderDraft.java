package io.claimport.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as an integrator sent it, already checked field by field.
 *
 * @param status null: PENDING for a new order, unchanged for one an upsert updates
 * @param currency null: USD for a new order, unchanged for one an upsert updates
 * @param orderedAt when the customer ordered, as the store says; null: now
 * @param shippingAddress where it goes, if the store says
 */
public record OrderDraft(String orderNumber, OrderStatus status, String customerEmail, String customerName,
		String currency, List<LineItem> lineItems, Instant orderedAt, ShippingAddress shippingAddress) {

	public BigDecimal total() {
		return this.lineItems.stream().map(LineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}

package io.claimport.order.domain;

import java.math.BigDecimal;
import java.util.List;

/** An order as an integrator sent it, already checked field by field. */
public record OrderDraft(String orderNumber, OrderStatus status, String customerEmail, String customerName,
		String currency, List<LineItem> lineItems) {

	public BigDecimal total() {
		return this.lineItems.stream().map(LineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}

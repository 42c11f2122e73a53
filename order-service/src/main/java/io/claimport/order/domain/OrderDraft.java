package io.claimport.order.domain;

import java.util.List;

/** An order as an integrator sent it, already checked field by field. */
public record OrderDraft(String orderNumber, OrderStatus status, String customerEmail, String customerName,
		String currency, List<LineItem> lineItems) {

}

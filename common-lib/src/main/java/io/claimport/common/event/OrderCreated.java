package io.claimport.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order was placed. Schema version 2 added {@code purchasedAt} and {@code lineItems}
 * (each SKU with its quantity), which the claims service checks claims against; a version
 * 1 event has neither (both read as null).
 */
public record OrderCreated(String orderId, String orderNumber, String status, int lineItemCount, int totalQuantity,
		BigDecimal totalAmount, String currency, Instant purchasedAt, List<Line> lineItems) {

	/** The order's summary only, as schema version 1 carried it. */
	public OrderCreated(String orderId, String orderNumber, String status, int lineItemCount, int totalQuantity,
			BigDecimal totalAmount, String currency) {
		this(orderId, orderNumber, status, lineItemCount, totalQuantity, totalAmount, currency, null, null);
	}

	/** One line of the order: a SKU and how many of it. */
	public record Line(String sku, int quantity) {

	}

}

package io.claimport.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order was placed. Schema version 2 added {@code purchasedAt} and {@code lineItems}
 * (each SKU with its quantity), which the claims service checks claims against; a version
 * 1 event has neither (both read as null). Version 3 has one line per line item of the
 * order, with its id and the store's id of it; version 2 had one per SKU, without ids.
 */
public record OrderCreated(String orderId, String orderNumber, String status, int lineItemCount, int totalQuantity,
		BigDecimal totalAmount, String currency, Instant purchasedAt, List<Line> lineItems) {

	/** The order's summary only, as schema version 1 carried it. */
	public OrderCreated(String orderId, String orderNumber, String status, int lineItemCount, int totalQuantity,
			BigDecimal totalAmount, String currency) {
		this(orderId, orderNumber, status, lineItemCount, totalQuantity, totalAmount, currency, null, null);
	}

	/**
	 * One line of the order: its id ({@code li_…}) and the store's id of it (either null
	 * in a version 2 event), a SKU and how many of it.
	 */
	public record Line(String id, String sourceItemId, String sku, int quantity) {

		/** A line of a version 2 event: a SKU and how many of it. */
		public Line(String sku, int quantity) {
			this(null, null, sku, quantity);
		}

	}

}

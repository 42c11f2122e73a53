package io.claimport.order.internal;

import java.time.Instant;
import java.util.List;

import io.claimport.order.domain.OrderStatus;

/**
 * What an orders listing asks for; every filter given applies (null or empty: not
 * filtered).
 *
 * @param statuses any of these statuses
 * @param customerEmail the customer's e-mail address, any case
 * @param sku orders with a line of this SKU
 */
public record OrderSearch(List<OrderStatus> statuses, String customerEmail, String orderNumber, Instant orderedAfter,
		Instant orderedBefore, String sku) {

	public OrderSearch {
		statuses = (statuses != null) ? List.copyOf(statuses) : List.of();
	}

}

package io.claimport.order.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.claimport.order.domain.Order;
import io.claimport.service.page.SortKey;

/**
 * The orders an orders listing offers, each either way ({@code -orderedAt}: the latest
 * purchase first); ties are broken by id, the order of creation.
 */
public final class OrderSorts {

	public static final SortKey<Order> CREATED_AT = new SortKey<>("createdAt", "createdAt", true, Order::getCreatedAt,
			Instant::parse);

	public static final SortKey<Order> ORDERED_AT = new SortKey<>("orderedAt", "orderedAt", true, Order::getOrderedAt,
			Instant::parse);

	public static final SortKey<Order> TOTAL_AMOUNT = new SortKey<>("totalAmount", "totalAmount", true,
			Order::getTotalAmount, BigDecimal::new);

	public static final List<SortKey<Order>> ALL = List.of(CREATED_AT, ORDERED_AT, TOTAL_AMOUNT);

	private OrderSorts() {
	}

}

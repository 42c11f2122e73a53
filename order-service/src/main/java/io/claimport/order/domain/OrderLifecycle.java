package io.claimport.order.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an order may go from each status. Forwards along pending → processing → shipped →
 * delivered, steps may be skipped (a store that reports an order delivered at once); an
 * order is cancelled before it ships and refunded once paid for (from processing on); a
 * cancelled or refunded order is final. No move goes back.
 */
public final class OrderLifecycle {

	private static final Map<OrderStatus, Set<OrderStatus>> NEXT = new EnumMap<>(OrderStatus.class);

	static {
		NEXT.put(OrderStatus.PENDING,
				EnumSet.of(OrderStatus.PROCESSING, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.CANCELLED));
		NEXT.put(OrderStatus.PROCESSING,
				EnumSet.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.CANCELLED, OrderStatus.REFUNDED));
		NEXT.put(OrderStatus.SHIPPED, EnumSet.of(OrderStatus.DELIVERED, OrderStatus.REFUNDED));
		NEXT.put(OrderStatus.DELIVERED, EnumSet.of(OrderStatus.REFUNDED));
		NEXT.put(OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class));
		NEXT.put(OrderStatus.REFUNDED, EnumSet.noneOf(OrderStatus.class));
	}

	private OrderLifecycle() {
	}

	/** The statuses an order in this one may move to. */
	public static Set<OrderStatus> allowedFrom(OrderStatus status) {
		return Set.copyOf(NEXT.get(status));
	}

	public static boolean allows(OrderStatus from, OrderStatus to) {
		return NEXT.get(from).contains(to);
	}

}

package io.claimport.order.domain;

import java.util.Set;
import java.util.TreeSet;

/** A status move the order life cycle does not allow; nothing was changed. */
public class OrderTransitionRefusedException extends RuntimeException {

	private final OrderStatus currentStatus;

	private final OrderStatus requestedStatus;

	public OrderTransitionRefusedException(OrderStatus currentStatus, OrderStatus requestedStatus) {
		super(message(currentStatus, requestedStatus));
		this.currentStatus = currentStatus;
		this.requestedStatus = requestedStatus;
	}

	private static String message(OrderStatus current, OrderStatus requested) {
		Set<OrderStatus> allowed = new TreeSet<>(OrderLifecycle.allowedFrom(current));
		return "An order " + current + " cannot move to " + requested + "; "
				+ (allowed.isEmpty() ? current + " is final" : "it may move to " + allowed);
	}

	public OrderStatus currentStatus() {
		return this.currentStatus;
	}

	public OrderStatus requestedStatus() {
		return this.requestedStatus;
	}

	public Set<OrderStatus> allowedStatuses() {
		return OrderLifecycle.allowedFrom(this.currentStatus);
	}

}

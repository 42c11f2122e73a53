package io.claimport.order.web;

import java.util.Arrays;
import java.util.List;

import io.claimport.order.domain.OrderLifecycle;
import io.claimport.order.domain.OrderStatus;

/** The order life cycle as the API publishes it. */
record OrderLifecycleView(List<Status> statuses) {

	static OrderLifecycleView current() {
		return new OrderLifecycleView(Arrays.stream(OrderStatus.values()).map((status) -> {
			List<String> next = OrderLifecycle.allowedFrom(status).stream().sorted().map(OrderStatus::name).toList();
			return new Status(status.name(), next, next.isEmpty());
		}).toList());
	}

	/** A status, where an order in it may move, and whether it is final. */
	record Status(String status, List<String> allowedNext, boolean isFinal) {

	}

}

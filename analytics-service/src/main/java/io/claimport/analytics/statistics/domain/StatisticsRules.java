package io.claimport.analytics.statistics.domain;

import java.util.List;

import io.claimport.common.event.ClaimCreated;
import io.claimport.common.event.ClaimStateChanged;
import io.claimport.common.event.OrderCreated;
import io.claimport.common.event.OrderStatusChanged;
import io.claimport.common.event.ProductCreated;
import io.claimport.common.event.ProductDeleted;
import io.claimport.common.event.ProductUpdated;

/**
 * Which counters an event moves, and by how much. Events that change nothing counted move
 * none.
 */
public final class StatisticsRules {

	private StatisticsRules() {
	}

	public static List<Increment> incrementsFor(Object event) {
		if (event instanceof ProductCreated product) {
			return counted(Subject.PRODUCTS, product.category());
		}
		if (event instanceof ProductUpdated product && product.changedFields().contains("category")) {
			// the product moves from one category's count to the other's; the total stays
			return moved(Subject.PRODUCTS, product.before().category(), product.category());
		}
		if (event instanceof ProductDeleted product) {
			return List.of(new Increment(Subject.PRODUCTS, Increment.TOTAL, -1),
					new Increment(Subject.PRODUCTS, Subject.PRODUCTS.bucket(product.category()), -1));
		}
		if (event instanceof OrderCreated order) {
			return counted(Subject.ORDERS, order.status());
		}
		if (event instanceof OrderStatusChanged changed) {
			return moved(Subject.ORDERS, changed.fromStatus(), changed.toStatus());
		}
		if (event instanceof ClaimCreated claim) {
			return counted(Subject.CLAIMS, claim.claimState());
		}
		if (event instanceof ClaimStateChanged changed) {
			// the claim moves from one state's count to the other's; the total stays
			return moved(Subject.CLAIMS, changed.fromState(), changed.toState());
		}
		return List.of();
	}

	private static List<Increment> moved(Subject subject, String from, String to) {
		return List.of(new Increment(subject, subject.bucket(from), -1), new Increment(subject, subject.bucket(to), 1));
	}

	private static List<Increment> counted(Subject subject, String breakdownValue) {
		return List.of(new Increment(subject, Increment.TOTAL), new Increment(subject, subject.bucket(breakdownValue)));
	}

}

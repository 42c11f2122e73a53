package io.claimport.analytics.statistics.domain;

import java.util.List;

import io.claimport.common.event.ClaimCreated;
import io.claimport.common.event.ClaimStateChanged;
import io.claimport.common.event.OrderCreated;
import io.claimport.common.event.ProductCreated;

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
		if (event instanceof OrderCreated order) {
			return counted(Subject.ORDERS, order.status());
		}
		if (event instanceof ClaimCreated claim) {
			return counted(Subject.CLAIMS, claim.claimState());
		}
		if (event instanceof ClaimStateChanged changed) {
			// the claim moves from one state's count to the other's; the total stays
			return List.of(new Increment(Subject.CLAIMS, Subject.CLAIMS.bucket(changed.fromState()), -1),
					new Increment(Subject.CLAIMS, Subject.CLAIMS.bucket(changed.toState()), 1));
		}
		return List.of();
	}

	private static List<Increment> counted(Subject subject, String breakdownValue) {
		return List.of(new Increment(subject, Increment.TOTAL), new Increment(subject, subject.bucket(breakdownValue)));
	}

}

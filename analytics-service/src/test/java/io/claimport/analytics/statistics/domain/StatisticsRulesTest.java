package io.claimport.analytics.statistics.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.claimport.common.event.ClaimCreated;
import io.claimport.common.event.ClaimStateChanged;
import io.claimport.common.event.OrderCreated;
import io.claimport.common.event.OrderStatusChanged;
import io.claimport.common.event.ProductCreated;
import io.claimport.common.event.ProductDeleted;
import io.claimport.common.event.ProductUpdated;
import io.claimport.common.event.RequestLogged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsRulesTest {

	@Test
	void countsEachNewObjectInItsTotalAndItsBreakdown() {
		assertThat(
				StatisticsRules.incrementsFor(new ProductCreated("prod_1", "Lamp", "L-1", "Home", BigDecimal.ONE, 12)))
			.containsExactly(new Increment(Subject.PRODUCTS, "total"),
					new Increment(Subject.PRODUCTS, "category:Home"));
		assertThat(
				StatisticsRules.incrementsFor(new OrderCreated("ord_1", null, "SHIPPED", 1, 1, BigDecimal.ONE, "USD")))
			.containsExactly(new Increment(Subject.ORDERS, "total"), new Increment(Subject.ORDERS, "status:SHIPPED"));
		assertThat(StatisticsRules.incrementsFor(new ClaimCreated("clm_1", "ord_1", "NEW", null, 1)))
			.containsExactly(new Increment(Subject.CLAIMS, "total"), new Increment(Subject.CLAIMS, "state:NEW"));
	}

	@Test
	void movesAClaimFromItsFormerStatesCountToItsNewOneWithoutChangingTheTotal() {
		assertThat(StatisticsRules.incrementsFor(new ClaimStateChanged("clm_1", "NEW", "OPEN", "triaged", "key_1")))
			.containsExactly(new Increment(Subject.CLAIMS, "state:NEW", -1),
					new Increment(Subject.CLAIMS, "state:OPEN", 1));
	}

	@Test
	void movesAProductToItsNewCategoryAndCountsNoOtherChange() {
		ProductUpdated.Before before = new ProductUpdated.Before("Lamp", "L-1", "Home", BigDecimal.ONE, 12);

		assertThat(StatisticsRules.incrementsFor(new ProductUpdated("prod_1", "Lamp", "L-1", "Lighting", BigDecimal.ONE,
				12, List.of("category"), before)))
			.containsExactly(new Increment(Subject.PRODUCTS, "category:Home", -1),
					new Increment(Subject.PRODUCTS, "category:Lighting", 1));
		assertThat(StatisticsRules.incrementsFor(
				new ProductUpdated("prod_1", "Lamp", "L-1", "Home", BigDecimal.TEN, 12, List.of("price"), before)))
			.isEmpty();
	}

	@Test
	void movesAnOrderToItsNewStatusWithoutChangingTheTotal() {
		assertThat(StatisticsRules.incrementsFor(
				new OrderStatusChanged("ord_1", "SHIPPED", "DELIVERED", Instant.parse("2026-12-07T10:00:00Z"))))
			.containsExactly(new Increment(Subject.ORDERS, "status:SHIPPED", -1),
					new Increment(Subject.ORDERS, "status:DELIVERED", 1));
	}

	@Test
	void aDeletedProductLeavesTheTotalAndItsCategory() {
		assertThat(StatisticsRules.incrementsFor(new ProductDeleted("prod_1", "L-1", "Home", Instant.now())))
			.containsExactly(new Increment(Subject.PRODUCTS, "total", -1),
					new Increment(Subject.PRODUCTS, "category:Home", -1));
	}

	@Test
	void movesNoCounterForEventsThatCreateNothingCounted() {
		assertThat(StatisticsRules.incrementsFor(
				new RequestLogged("r", "a", "k", "GET", "/", 200, 1, "127.0.0.1", null, java.time.Instant.now(), null)))
			.isEmpty();
	}

}

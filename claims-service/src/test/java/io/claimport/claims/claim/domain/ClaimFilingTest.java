package io.claimport.claims.claim.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.claimport.claims.purchase.KnownOrder;
import io.claimport.claims.purchase.KnownProduct;
import io.claimport.service.bulk.Indexed;
import io.claimport.service.bulk.ItemError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimFilingTest {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private static final KnownOrder ORDER = new KnownOrder("ord_1", Instant.parse("2026-01-10T09:00:00Z"),
			Map.of("A", 3, "B", 1));

	@Test
	void coversNoMoreThanWasOrderedAcrossEarlierClaimsAndTheRequestItself() {
		ClaimFiling filing = ClaimFiling.decide(
				List.of(draft(0, "ord_1", null, "A", 1), draft(1, "ord_1", null, "A", 1),
						draft(2, "ord_1", null, "A", 1)),
				Map.of("ord_1", ORDER), Map.of(ClaimFiling.key("ord_1", "A"), 1), Map.of(), NOW);

		assertThat(filing.accepted()).extracting(Indexed::index).containsExactly(0, 1);
		assertThat(filing.refused()).extracting(ItemError::index, ItemError::rule)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "exceeds-order"));
	}

	@Test
	void refusesUnknownOrdersAndItemsThatAreNotLinesOfTheOrder() {
		ClaimFiling filing = ClaimFiling.decide(
				List.of(draft(0, "ord_x", null, "A", 1), draft(1, "ord_1", null, "Z", 1)), Map.of("ord_1", ORDER),
				Map.of(), Map.of(), NOW);

		assertThat(filing.accepted()).isEmpty();
		assertThat(filing.refused()).extracting(ItemError::rule).containsExactly("unknown-order", "not-in-order");
	}

	@Test
	void checksAWarrantyClaimAgainstTheProductsMonthsFromThePurchase() {
		Map<String, KnownProduct> products = Map.of("A", new KnownProduct("A", 6), "B", new KnownProduct("B", 3));

		ClaimFiling filing = ClaimFiling.decide(List.of(draft(0, "ord_1", "WARRANTY", "A", 1),
				draft(1, "ord_1", "WARRANTY", "B", 1), draft(2, "ord_1", "DAMAGED", "B", 1)), Map.of("ord_1", ORDER),
				Map.of(), products, NOW);

		assertThat(filing.accepted()).extracting(Indexed::index).containsExactly(0, 2);
		assertThat(filing.refused()).singleElement().satisfies((error) -> {
			assertThat(error.rule()).isEqualTo("warranty-expired");
			assertThat(error.message()).contains("2026-04-10");
		});
	}

	@Test
	void checksOnlyThatAnOrderWithoutKnownLinesExists() {
		KnownOrder announcedWithoutLines = new KnownOrder("ord_2", NOW, null);

		ClaimFiling filing = ClaimFiling.decide(List.of(draft(0, "ord_2", null, "ANY", 99)),
				Map.of("ord_2", announcedWithoutLines), Map.of(), Map.of(), NOW);

		assertThat(filing.accepted()).hasSize(1);
	}

	private static Indexed<ClaimDraft> draft(int index, String orderId, String claimType, String sku, int quantity) {
		return new Indexed<>(index, new ClaimDraft(orderId, null, null, "Ann", "ann@example.com", "Broken", claimType,
				false, null, null, List.of(new ClaimDraft.Item(sku, quantity))));
	}

}

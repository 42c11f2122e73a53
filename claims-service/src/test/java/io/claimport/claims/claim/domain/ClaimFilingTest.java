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
			List.of(new KnownOrder.Line("li_a", "9001", "A", 3), new KnownOrder.Line("li_b", null, "B", 1)));

	@Test
	void coversNoMoreThanWasOrderedAcrossEarlierClaimsAndTheRequestItself() {
		ClaimFiling filing = ClaimFiling.decide(
				List.of(draft(0, "ord_1", null, "A", 1), draft(1, "ord_1", null, "A", 1),
						draft(2, "ord_1", null, "A", 1)),
				Map.of("ord_1", ORDER), Map.of(ClaimFiling.key("ord_1", "li_a"), 1), Map.of(), NOW);

		assertThat(filing.accepted()).extracting(Indexed::index).containsExactly(0, 1);
		assertThat(filing.refused()).extracting(ItemError::index, ItemError::rule)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "exceeds-order"));
	}

	@Test
	void aLineNamedByItsIdItsStoresIdOrItsSkuIsOneLineWhoseQuantityTheClaimsShare() {
		ClaimFiling filing = ClaimFiling.decide(
				List.of(draft(0, "ord_1", null, "li_a", 1), draft(1, "ord_1", null, "9001", 1),
						draft(2, "ord_1", null, "A", 1), draft(3, "ord_1", null, "A", 1)),
				Map.of("ord_1", ORDER), Map.of(), Map.of(), NOW);

		assertThat(filing.accepted()).extracting(Indexed::index).containsExactly(0, 1, 2);
		assertThat(filing.accepted()).flatExtracting((draft) -> draft.item().claimItems())
			.extracting(ClaimDraft.Item::itemId, ClaimDraft.Item::lineItemId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("li_a", "li_a"),
					org.assertj.core.groups.Tuple.tuple("9001", "li_a"),
					org.assertj.core.groups.Tuple.tuple("A", "li_a"));
		assertThat(filing.refused()).extracting(ItemError::index, ItemError::rule)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "exceeds-order"));
	}

	@Test
	void aSkuOnTwoLinesOfTheOrderIsRefusedAsAmbiguousNamingTheLinesIds() {
		KnownOrder twoColours = new KnownOrder("ord_3", NOW, List.of(new KnownOrder.Line("li_red", null, "SHIRT", 1),
				new KnownOrder.Line("li_blue", null, "SHIRT", 1)));

		ClaimFiling filing = ClaimFiling.decide(
				List.of(draft(0, "ord_3", null, "SHIRT", 1), draft(1, "ord_3", null, "li_blue", 1)),
				Map.of("ord_3", twoColours), Map.of(), Map.of(), NOW);

		assertThat(filing.accepted()).extracting(Indexed::index).containsExactly(1);
		assertThat(filing.accepted().get(0).item().claimItems().get(0).sku()).isEqualTo("SHIRT");
		assertThat(filing.refused()).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("claimItems[0].itemId");
			assertThat(error.rule()).isEqualTo("ambiguous-item");
			assertThat(error.message()).contains("li_red", "li_blue");
		});
	}

	@Test
	void anOrderAnnouncedWithLinesPerSkuAndNoIdsCountsClaimsBySku() {
		KnownOrder perSku = new KnownOrder("ord_4", NOW, List.of(new KnownOrder.Line(null, null, "A", 2)));

		ClaimFiling filing = ClaimFiling.decide(
				List.of(draft(0, "ord_4", null, "A", 1), draft(1, "ord_4", null, "A", 1)), Map.of("ord_4", perSku),
				Map.of(ClaimFiling.key("ord_4", "A"), 1), Map.of(), NOW);

		assertThat(filing.accepted()).extracting(Indexed::index).containsExactly(0);
		assertThat(filing.accepted().get(0).item().claimItems().get(0).lineItemId()).isNull();
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
		// the item's id is taken for its SKU, as the warranty check takes it
		assertThat(filing.accepted().get(0).item().claimItems().get(0).sku()).isEqualTo("ANY");
	}

	private static Indexed<ClaimDraft> draft(int index, String orderId, String claimType, String sku, int quantity) {
		return new Indexed<>(index, new ClaimDraft(orderId, null, null, "Ann", "ann@example.com", "Broken", claimType,
				false, null, null, List.of(new ClaimDraft.Item(sku, quantity))));
	}

}

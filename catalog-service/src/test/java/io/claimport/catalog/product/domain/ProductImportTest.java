package io.claimport.catalog.product.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import io.claimport.service.bulk.Indexed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductImportTest {

	@Test
	void acceptsProductsWithNewSkus() {
		ProductImport decision = ProductImport.decide(List.of(numbered(0, "WHP-001"), numbered(1, "SWS-005")),
				Set.of());

		assertThat(decision.accepted()).extracting(Indexed::index).containsExactly(0, 1);
		assertThat(decision.refused()).isEmpty();
	}

	@Test
	void refusesASkuTheAccountAlreadyHas() {
		ProductImport decision = ProductImport.decide(List.of(numbered(0, "WHP-001"), numbered(1, "SWS-005")),
				Set.of("SWS-005"));

		assertThat(decision.accepted()).extracting(Indexed::index).containsExactly(0);
		assertThat(decision.refused()).singleElement().satisfies((error) -> {
			assertThat(error.index()).isEqualTo(1);
			assertThat(error.field()).isEqualTo("sku");
			assertThat(error.rule()).isEqualTo("unique");
		});
	}

	@Test
	void refusesTheSecondOfTwoItemsWithTheSameSku() {
		ProductImport decision = ProductImport
			.decide(List.of(numbered(0, "WHP-001"), numbered(3, "WHP-001"), numbered(4, "SWS-005")), Set.of());

		assertThat(decision.accepted()).extracting(Indexed::index).containsExactly(0, 4);
		assertThat(decision.refused()).singleElement().satisfies((error) -> {
			assertThat(error.index()).isEqualTo(3);
			assertThat(error.message()).contains("more than once");
		});
	}

	@Test
	void anUpsertUpdatesTheProductsTheAccountHasAndCreatesTheRest() {
		ProductImport decision = ProductImport.upsert(List.of(numbered(0, "WHP-001"), numbered(1, "SWS-005")),
				Set.of("SWS-005"));

		assertThat(decision.accepted()).extracting(Indexed::index).containsExactly(0);
		assertThat(decision.toUpdate()).extracting(Indexed::index).containsExactly(1);
		assertThat(decision.refused()).isEmpty();
	}

	@Test
	void anUpsertStillRefusesASkuGivenTwiceInOneRequest() {
		ProductImport decision = ProductImport.upsert(List.of(numbered(0, "SWS-005"), numbered(1, "SWS-005")),
				Set.of("SWS-005"));

		assertThat(decision.toUpdate()).extracting(Indexed::index).containsExactly(0);
		assertThat(decision.refused()).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("more than once"));
	}

	private static Indexed<ProductDraft> numbered(int index, String sku) {
		return new Indexed<>(index,
				new ProductDraft("Wireless Headphones Pro", sku, "Electronics", new BigDecimal("149.99"), 24));
	}

}

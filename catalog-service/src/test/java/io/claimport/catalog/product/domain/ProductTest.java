package io.claimport.catalog.product.domain;

import java.time.Instant;

import io.claimport.common.event.ProductDeleted;
import io.claimport.common.event.ProductUpdated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductTest {

	private static final Instant LATER = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void aChangeNamesTheFieldsThatChangedAndWhatTheyWere() {
		Product product = Products.headphonesInCatalog();

		ProductUpdated updated = product
			.change(Products.withCategory(Products.withPrice(Products.headphones(), "129.00"), "Audio"), LATER)
			.orElseThrow();

		assertThat(updated.changedFields()).containsExactly("category", "price");
		assertThat(updated.before().category()).isEqualTo("Electronics");
		assertThat(updated.before().price()).isEqualByComparingTo("149.99");
		assertThat(updated.category()).isEqualTo("Audio");
		assertThat(product.getPrice()).isEqualByComparingTo("129.00");
		assertThat(product.getUpdatedAt()).isEqualTo(LATER);
	}

	@Test
	void aDraftThatSaysWhatTheProductIsChangesNothing() {
		Product product = Products.headphonesInCatalog();

		assertThat(product.change(Products.withPrice(Products.headphones(), "149.990"), LATER)).isEmpty();
		assertThat(product.getUpdatedAt()).isEqualTo(Products.CREATED_AT);
	}

	@Test
	void deletingIsSoftAndHappensOnce() {
		Product product = Products.headphonesInCatalog();

		ProductDeleted deleted = product.delete(LATER).orElseThrow();

		assertThat(deleted.sku()).isEqualTo("WHP-001");
		assertThat(deleted.category()).isEqualTo("Electronics");
		assertThat(product.getDeletedAt()).isEqualTo(LATER);
		assertThat(product.delete(LATER.plusSeconds(5))).isEmpty();
		assertThat(product.getDeletedAt()).isEqualTo(LATER);
	}

	@Test
	void aDeletedProductCannotBeChanged() {
		Product product = Products.headphonesInCatalog();
		product.delete(LATER);

		assertThatThrownBy(() -> product.change(Products.withPrice(Products.headphones(), "1.00"), LATER))
			.isInstanceOf(ProductDeletedException.class)
			.hasMessageContaining("was deleted");
	}

}

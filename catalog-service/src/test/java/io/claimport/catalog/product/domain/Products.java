package io.claimport.catalog.product.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** Object Mother: products and drafts as an integrator's store would send them. */
final class Products {

	static final Instant CREATED_AT = Instant.parse("2026-11-02T09:00:00Z");

	private Products() {
	}

	static ProductDraft headphones() {
		return new ProductDraft("Wireless Headphones Pro", "WHP-001", "Electronics", new BigDecimal("149.99"), 24);
	}

	static Product headphonesInCatalog() {
		return Product.create("acct_1", headphones(), CREATED_AT);
	}

	static ProductDraft withPrice(ProductDraft draft, String price) {
		return new ProductDraft(draft.name(), draft.sku(), draft.category(), new BigDecimal(price),
				draft.warrantyMonths());
	}

	static ProductDraft withCategory(ProductDraft draft, String category) {
		return new ProductDraft(draft.name(), draft.sku(), category, draft.price(), draft.warrantyMonths());
	}

}

package io.claimport.catalog.product.web;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonSetter;
import io.claimport.catalog.product.domain.ProductDraft;
import io.claimport.service.web.MergePatch;

/**
 * A change of one product, as a JSON merge patch: what it gives replaces the product's.
 */
final class ProductPatch extends MergePatch {

	@JsonSetter("name")
	void name(String name) {
		give("name", name);
	}

	@JsonSetter("sku")
	void sku(String sku) {
		give("sku", sku);
	}

	@JsonSetter("category")
	void category(String category) {
		give("category", category);
	}

	@JsonSetter("price")
	void price(BigDecimal price) {
		give("price", price);
	}

	@JsonSetter("warrantyMonths")
	void warrantyMonths(Integer warrantyMonths) {
		give("warrantyMonths", warrantyMonths);
	}

	/** The whole product after the change, to be checked as a new one would be. */
	ProductRequest applyTo(ProductDraft current) {
		return new ProductRequest(valueOr("name", current.name()), valueOr("sku", current.sku()),
				valueOr("category", current.category()), valueOr("price", current.price()),
				valueOr("warrantyMonths", current.warrantyMonths()));
	}

}

package io.claimport.catalog.product.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSetter;
import io.claimport.catalog.product.domain.ProductDraft;
import io.claimport.common.problem.FieldViolation;

/**
 * A change of one product, as a JSON merge patch (RFC 7396): a field left out stays as it
 * is; a field given replaces it. No field of a product can be removed, so a field given
 * as {@code null} is refused rather than ignored. Jackson calls a setter only for a field
 * the body has, so the fields given are told apart from those left out.
 */
final class ProductPatch {

	private final Map<String, Object> given = new LinkedHashMap<>();

	@JsonSetter("name")
	void name(String name) {
		this.given.put("name", name);
	}

	@JsonSetter("sku")
	void sku(String sku) {
		this.given.put("sku", sku);
	}

	@JsonSetter("category")
	void category(String category) {
		this.given.put("category", category);
	}

	@JsonSetter("price")
	void price(BigDecimal price) {
		this.given.put("price", price);
	}

	@JsonSetter("warrantyMonths")
	void warrantyMonths(Integer warrantyMonths) {
		this.given.put("warrantyMonths", warrantyMonths);
	}

	/** The fields given as {@code null}. */
	List<FieldViolation> removals() {
		List<FieldViolation> removals = new ArrayList<>();
		this.given.forEach((field, value) -> {
			if (value == null) {
				removals.add(new FieldViolation(field, "notNull",
						field + " cannot be removed; leave it out to keep it, or give a new value"));
			}
		});
		return removals;
	}

	/** The whole product after the change, to be checked as a new one would be. */
	ProductRequest applyTo(ProductDraft current) {
		return new ProductRequest(given("name", current.name()), given("sku", current.sku()),
				given("category", current.category()), given("price", current.price()),
				given("warrantyMonths", current.warrantyMonths()));
	}

	@SuppressWarnings("unchecked")
	private <T> T given(String field, T current) {
		return (T) this.given.getOrDefault(field, current);
	}

}

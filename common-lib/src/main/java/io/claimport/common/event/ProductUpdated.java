package io.claimport.common.event;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product after a change, with the names of the fields that changed ({@code name},
 * {@code sku}, {@code category}, {@code price}, {@code warrantyMonths}) and what the
 * product was before it, so that a consumer counting by category can move its count.
 */
public record ProductUpdated(String productId, String name, String sku, String category, BigDecimal price,
		int warrantyMonths, List<String> changedFields, Before before) {

	public ProductUpdated {
		changedFields = List.copyOf(changedFields);
	}

	/** The product as it was before the change. */
	public record Before(String name, String sku, String category, BigDecimal price, int warrantyMonths) {

	}

}

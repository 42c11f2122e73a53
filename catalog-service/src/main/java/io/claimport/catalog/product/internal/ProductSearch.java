package io.claimport.catalog.product.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a products listing asks for; every filter given applies (null or empty: not
 * filtered).
 *
 * @param nameContains part of the name, any case
 * @param categories any of these categories
 * @param includeDeleted whether deleted products are listed too
 */
public record ProductSearch(String nameContains, List<String> categories, String sku, BigDecimal minPrice,
		BigDecimal maxPrice, Integer warrantyMonths, Instant createdAfter, Instant createdBefore, Instant updatedAfter,
		boolean includeDeleted) {

	public ProductSearch {
		categories = (categories != null) ? List.copyOf(categories) : List.of();
	}

}

package io.claimport.catalog.product.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.claimport.catalog.product.domain.Product;
import io.claimport.service.page.SortKey;

/**
 * The orders a products listing offers, each either way ({@code -price}: dearest first);
 * ties are broken by id, the order of creation.
 */
public final class ProductSorts {

	public static final SortKey<Product> CREATED_AT = new SortKey<>("createdAt", "createdAt", true,
			Product::getCreatedAt, Instant::parse);

	public static final SortKey<Product> NAME = new SortKey<>("name", "name", true, Product::getName, (name) -> name);

	public static final SortKey<Product> PRICE = new SortKey<>("price", "price", true, Product::getPrice,
			BigDecimal::new);

	public static final List<SortKey<Product>> ALL = List.of(CREATED_AT, NAME, PRICE);

	private ProductSorts() {
	}

}

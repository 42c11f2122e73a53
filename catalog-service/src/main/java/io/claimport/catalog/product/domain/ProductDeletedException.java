package io.claimport.catalog.product.domain;

import java.time.Instant;

/** A change asked of a product that was deleted: a deleted product stays as it was. */
public class ProductDeletedException extends RuntimeException {

	private final transient Instant deletedAt;

	public ProductDeletedException(String productId, Instant deletedAt) {
		super("Product " + productId + " was deleted at " + deletedAt
				+ "; it can no longer be changed. Create a new product with its SKU instead.");
		this.deletedAt = deletedAt;
	}

	public Instant deletedAt() {
		return this.deletedAt;
	}

}

package io.claimport.catalog.product.domain;

/** A SKU asked of a product that another product of the account has: a SKU names one. */
public class SkuTakenException extends RuntimeException {

	private final String sku;

	public SkuTakenException(String sku) {
		super("sku " + sku + " already belongs to another product");
		this.sku = sku;
	}

	public String sku() {
		return this.sku;
	}

}

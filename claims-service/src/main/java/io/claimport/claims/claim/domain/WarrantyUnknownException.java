package io.claimport.claims.claim.domain;

/**
 * A warranty claim that gives no warranty period for an item no known product has: there
 * is nothing to check it against; nothing was filed.
 */
public class WarrantyUnknownException extends RuntimeException {

	public WarrantyUnknownException(String sku) {
		super("warranty.warrantyPeriod is required: "
				+ ((sku != null) ? "no product with SKU " + sku + " is known" : "the item names no SKU")
				+ " to take the warranty from. Give a period such as P1Y, P6M or P90D.");
	}

}

package io.claimport.claims.purchase;

/** A product of the account as the claims service knows it: its SKU and warranty. */
public record KnownProduct(String sku, int warrantyMonths) {

}

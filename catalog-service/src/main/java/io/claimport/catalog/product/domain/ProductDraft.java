package io.claimport.catalog.product.domain;

import java.math.BigDecimal;

/** A product as an integrator asked for it, already checked field by field. */
public record ProductDraft(String name, String sku, String category, BigDecimal price, int warrantyMonths) {

}

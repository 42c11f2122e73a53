package io.claimport.catalog.product.web;

import java.math.BigDecimal;
import java.time.Instant;

record ProductResponse(String id, String name, String sku, String category, BigDecimal price, int warrantyMonths,
		Instant createdAt, Instant updatedAt, Instant deletedAt) {

}

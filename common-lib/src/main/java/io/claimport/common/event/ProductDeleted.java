package io.claimport.common.event;

import java.time.Instant;

/**
 * A product taken out of the catalog (soft: it stays readable by id, and its SKU may be
 * used by a new product). Its SKU and category as they were, for consumers that count
 * them.
 */
public record ProductDeleted(String productId, String sku, String category, Instant deletedAt) {

}

package io.claimport.common.event;

import java.math.BigDecimal;

public record ProductCreated(String productId, String name, String sku, String category, BigDecimal price,
		int warrantyMonths) {

}

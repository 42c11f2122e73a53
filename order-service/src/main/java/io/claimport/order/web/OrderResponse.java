package io.claimport.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

record OrderResponse(String id, String orderNumber, String status, Customer customer, String currency,
		BigDecimal totalAmount, List<LineItem> lineItems, Instant createdAt, Instant updatedAt) {

	record Customer(String email, String name) {

	}

	record LineItem(String sku, String name, int quantity, BigDecimal price) {

	}

}

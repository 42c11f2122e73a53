package io.claimport.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

record OrderResponse(String id, String orderNumber, String status, Customer customer, String currency,
		BigDecimal totalAmount, List<LineItem> lineItems, Instant orderedAt, Instant shippedAt, Instant deliveredAt,
		String carrier, String trackingNumber, Address shippingAddress, Instant createdAt, Instant updatedAt) {

	record Address(String name, String line1, String line2, String city, String region, String postalCode,
			String country) {

	}

	record Customer(String email, String name) {

	}

	record LineItem(String id, String sourceItemId, String sku, String name, int quantity, BigDecimal price) {

	}

}

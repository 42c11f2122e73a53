package io.claimport.order.domain;

public enum OrderStatus {

	PENDING, PROCESSING, SHIPPED, DELIVERED, CANCELLED, REFUNDED

}

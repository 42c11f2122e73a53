package io.claimport.common.event;

import java.math.BigDecimal;

public record OrderCreated(String orderId, String orderNumber, String status, int lineItemCount, int totalQuantity,
		BigDecimal totalAmount, String currency) {

}

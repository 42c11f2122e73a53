package io.claimport.order.web;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The fields a change of an order gave, checked as a whole (null: not given). */
record OrderChangeRequest(
		@Pattern(regexp = "PENDING|PROCESSING|SHIPPED|DELIVERED|CANCELLED|REFUNDED",
				message = "must be one of PENDING, PROCESSING, SHIPPED, DELIVERED, CANCELLED, REFUNDED") String status,
		@PastOrPresent Instant shippedAt, @PastOrPresent Instant deliveredAt, @Size(max = 100) String carrier,
		@Size(max = 100) String trackingNumber, @Valid AddressRequest shippingAddress) {

}

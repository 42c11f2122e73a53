package io.claimport.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;

record OrderRequest(@Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._/#-]+",
		message = "must contain only letters, digits and . _ / # -") @Schema(example = "1001") String orderNumber,
		@Pattern(regexp = "PENDING|PROCESSING|SHIPPED|DELIVERED|CANCELLED|REFUNDED",
				message = "must be one of PENDING, PROCESSING, SHIPPED, DELIVERED, CANCELLED, REFUNDED") @Schema(
						example = "DELIVERED") String status,
		@NotNull @Valid Customer customer,
		@Pattern(regexp = "[A-Za-z]{3}",
				message = "must be an ISO 4217 code such as USD") @Schema(example = "USD") String currency,
		@NotEmpty @Size(max = 100) List<@NotNull @Valid LineItemRequest> lineItems,
		@PastOrPresent @Schema(example = "2026-11-30T18:00:00Z") Instant orderedAt,
		@Valid AddressRequest shippingAddress) {

	record Customer(@NotBlank @Email @Size(max = 254) @Schema(example = "ann@example.com") String email,
			@NotBlank @Size(max = 200) @Schema(example = "Ann Lee") String name) {

	}

	/**
	 * @param sourceItemId the store's id of the line (a Shopify or WooCommerce line item
	 * id), which claims may name it by
	 */
	record LineItemRequest(@Size(min = 1, max = 64) @Schema(example = "9001") String sourceItemId,
			@NotBlank @Size(max = 64) @Schema(example = "WHP-001") String sku, @Size(max = 200) String name,
			@NotNull @Min(1) @Max(100_000) @Schema(example = "1") Integer quantity,
			@NotNull @DecimalMin("0.00") @Digits(integer = 10,
					fraction = 2) @Schema(example = "149.99") BigDecimal price) {

	}

}

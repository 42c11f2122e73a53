package io.claimport.claims.claim.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * How a claim is settled, with the payment detail of the public claims API. Amounts are
 * in {@code paidCurrency}; {@code paidOriginalValue} defaults to {@code paidValue}, the
 * shipping amount to 0, and {@code creditType} (for a store credit) to GIFT_CARD.
 */
record ResolutionRequest(@NotBlank String resolutionType, @Size(max = 5000) String resolutionDetails,
		BigDecimal paidValue, String paidCurrency, BigDecimal paidOriginalValue, Boolean includeShipping,
		BigDecimal shippingAmount, String creditType) {

}

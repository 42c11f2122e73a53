package io.claimport.common.event;

import java.math.BigDecimal;

/**
 * A claim was settled: how, and what was paid, all amounts in {@code currency} (ISO
 * 4217), exact decimals.
 */
public record ClaimResolved(String claimId, String resolutionId, String resolutionType, BigDecimal paidValue,
		BigDecimal paidOriginalValue, boolean includeShipping, BigDecimal shippingAmount, String currency) {

}

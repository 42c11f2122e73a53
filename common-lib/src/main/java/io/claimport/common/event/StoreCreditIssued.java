package io.claimport.common.event;

import java.math.BigDecimal;

/**
 * A claim was settled with a store credit. The code is a bearer secret and is never in an
 * event.
 */
public record StoreCreditIssued(String claimId, String creditType, BigDecimal creditValue, BigDecimal bonusValue,
		BigDecimal totalValue, String currency) {

}

package io.claimport.claims.claim.domain;

import java.util.Objects;

/**
 * How a desk settles a claim, already checked field by field: the resolution, what was
 * paid (and what it was worth before any discount), the shipping refunded, all in one
 * currency, and for a store credit its kind.
 */
public record ResolutionDraft(ResolutionType resolutionType, String resolutionDetails, Money paid, Money paidOriginal,
		boolean includeShipping, Money shipping, CreditType creditType) {

	public ResolutionDraft {
		Objects.requireNonNull(resolutionType, "resolutionType");
		Objects.requireNonNull(paid, "paid");
		Objects.requireNonNull(paidOriginal, "paidOriginal");
		Objects.requireNonNull(shipping, "shipping");
		if (!paid.currency().equals(paidOriginal.currency()) || !paid.currency().equals(shipping.currency())) {
			throw new IllegalArgumentException("every amount of a resolution is in one currency");
		}
	}

}

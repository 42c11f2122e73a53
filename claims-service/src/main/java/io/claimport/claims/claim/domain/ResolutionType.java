package io.claimport.claims.claim.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a claim was settled: the public claims API's list. It spells one of them two ways,
 * {@code ADRESS_TYPO} and {@code ADDRESS_TYPO}; both are taken, and the claims desk keeps
 * and answers {@code ADDRESS_TYPO}.
 */
public enum ResolutionType {

	RESHIP, REPLACEMENT, REFUND, FLAT_RATE, CUSTOM, EXPIRED30, EXCHANGE, CREDIT, STORE_CREDIT, RETURN, OTHER,
	NO_RESPONSE, PACKAGE_ARRIVED, CUSTOMER_RESPONDED, FOLLOW_UP, INSUFFICIENT_SHIPPER, RETURN_TO_SENDER, NOT_COVERED,
	ADDRESS_TYPO, PHOTO_VERIFIED, THRESHOLD_REACHED, ALREADY_REFUNDED, ALREADY_REPLACED, POTENTIAL_FRAUD;

	/** The spelling the public API also uses for {@link #ADDRESS_TYPO}. */
	public static final String MISSPELT_ADDRESS_TYPO = "ADRESS_TYPO";

	public static Optional<ResolutionType> parse(String name) {
		if (MISSPELT_ADDRESS_TYPO.equals(name)) {
			return Optional.of(ADDRESS_TYPO);
		}
		return Arrays.stream(values()).filter((type) -> type.name().equals(name)).findFirst();
	}

	/** Whether settling this way gives the customer a store credit. */
	public boolean issuesStoreCredit() {
		return this == STORE_CREDIT || this == CREDIT;
	}

}

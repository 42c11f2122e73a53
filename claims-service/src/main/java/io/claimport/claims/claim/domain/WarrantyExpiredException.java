package io.claimport.claims.claim.domain;

import java.time.LocalDate;

/** A warranty claim made after the product's warranty ended; nothing was filed. */
public class WarrantyExpiredException extends RuntimeException {

	private final LocalDate endedOn;

	public WarrantyExpiredException(LocalDate endedOn) {
		super("The warranty ended on " + endedOn + ".");
		this.endedOn = endedOn;
	}

	public LocalDate endedOn() {
		return this.endedOn;
	}

}

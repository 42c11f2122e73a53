package io.claimport.claims.claim.domain;

/** A change of a claim whose record is final (archived); nothing changed. */
public class ClaimFinalException extends RuntimeException {

	private final ClaimState currentState;

	ClaimFinalException(ClaimState currentState, String why) {
		super(why);
		this.currentState = currentState;
	}

	public ClaimState currentState() {
		return this.currentState;
	}

}

package io.claimport.claims.claim.domain;

import java.util.Set;

/**
 * A move the claim life cycle does not allow from the claim's current state; nothing
 * changed.
 */
public class TransitionRefusedException extends RuntimeException {

	private final ClaimState currentState;

	private final ClaimState requestedState;

	private final Set<ClaimState> allowedStates;

	TransitionRefusedException(ClaimState currentState, ClaimState requestedState, Set<ClaimState> allowedStates,
			String why) {
		super(why);
		this.currentState = currentState;
		this.requestedState = requestedState;
		this.allowedStates = Set.copyOf(allowedStates);
	}

	public ClaimState currentState() {
		return this.currentState;
	}

	public ClaimState requestedState() {
		return this.requestedState;
	}

	public Set<ClaimState> allowedStates() {
		return this.allowedStates;
	}

}

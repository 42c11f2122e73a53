package io.claimport.claims.claim.web;

import java.util.Arrays;
import java.util.List;

import io.claimport.claims.claim.domain.ClaimLifecycle;
import io.claimport.claims.claim.domain.ClaimState;

/**
 * The claim life cycle as {@code GET /api/v1/claims/states} answers it: each state with
 * the states a transition may move it to, and those a recorded resolution moves it to.
 */
record ClaimLifecycleView(List<StateView> states) {

	static ClaimLifecycleView of() {
		return new ClaimLifecycleView(Arrays.stream(ClaimState.values())
			.map((state) -> new StateView(state.name(), names(ClaimLifecycle.byTransition(state)),
					names(ClaimLifecycle.byResolution(state))))
			.toList());
	}

	private static List<String> names(java.util.Set<ClaimState> states) {
		return states.stream().sorted().map(ClaimState::name).toList();
	}

	record StateView(String claimState, List<String> transitions, List<String> byResolution) {

	}

}

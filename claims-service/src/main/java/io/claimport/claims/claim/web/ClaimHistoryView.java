package io.claimport.claims.claim.web;

import java.time.Instant;
import java.util.List;

import io.claimport.claims.claim.domain.ClaimChange;
import io.claimport.claims.claim.domain.ClaimState;

/** A claim's history, oldest change first. */
record ClaimHistoryView(String claimId, List<Change> changes) {

	static ClaimHistoryView of(String claimId, List<ClaimChange> history) {
		return new ClaimHistoryView(claimId,
				history.stream()
					.map((change) -> new Change(change.getChangedAt(), name(change.getFromState()),
							name(change.getToState()), change.getReason(), change.getChangedBy()))
					.toList());
	}

	private static String name(ClaimState state) {
		return (state != null) ? state.name() : null;
	}

	record Change(Instant changedAt, String fromState, String toState, String reason, String changedBy) {

	}

}

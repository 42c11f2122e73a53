package io.claimport.claims.claim.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One change of a claim's state, as its history shows it: when, from which state (none
 * when it was filed) to which, why, and which key made it.
 */
@Embeddable
public class ClaimChange {

	@Column(name = "changed_at")
	private Instant changedAt;

	@Enumerated(EnumType.STRING)
	@Column(name = "from_state")
	private ClaimState fromState;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_state")
	private ClaimState toState;

	private String reason;

	@Column(name = "changed_by")
	private String changedBy;

	protected ClaimChange() {
	}

	ClaimChange(Instant changedAt, ClaimState fromState, ClaimState toState, String reason, String changedBy) {
		this.changedAt = changedAt;
		this.fromState = fromState;
		this.toState = toState;
		this.reason = reason;
		this.changedBy = changedBy;
	}

	public Instant getChangedAt() {
		return this.changedAt;
	}

	public ClaimState getFromState() {
		return this.fromState;
	}

	public ClaimState getToState() {
		return this.toState;
	}

	public String getReason() {
		return this.reason;
	}

	public String getChangedBy() {
		return this.changedBy;
	}

}

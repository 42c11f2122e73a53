package io.claimport.analytics.metric.domain;

import java.time.Instant;

/**
 * What the metrics know of one claim: when it was filed, its breakdowns, its state now,
 * when it was first decided, its latest decision and when it was first resolved.
 */
public record ClaimFacts(Instant filedAt, String state, String claimType, String claimCategory, String issueType,
		String salesChannel, String requestedResolution, Instant firstDecidedAt, String decision, Instant resolvedAt) {

	/** The claim's value of a breakdown by one of its own dimensions. */
	String valueOf(Dimension dimension) {
		return switch (dimension) {
			case STATE -> this.state;
			case CLAIM_TYPE -> this.claimType;
			case CLAIM_CATEGORY -> this.claimCategory;
			case ISSUE_TYPE -> this.issueType;
			case SALES_CHANNEL -> this.salesChannel;
			case REQUESTED_RESOLUTION -> this.requestedResolution;
			default -> throw new IllegalArgumentException("a claim has no " + dimension.parameter() + " of its own");
		};
	}

}

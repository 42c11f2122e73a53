package io.claimport.claims.claim.domain;

import java.util.Objects;

/** An offline warranty claim as the store sent it, already checked field by field. */
public record OfflineClaimDraft(OfflineDetails details, SalesChannel salesChannel, ClaimCategory claimCategory,
		IssueType issueType, RequestedResolution resolution, ClaimFiledFrom claimFiledFrom) {

	public OfflineClaimDraft {
		Objects.requireNonNull(details, "details");
		Objects.requireNonNull(salesChannel, "salesChannel");
		Objects.requireNonNull(claimCategory, "claimCategory");
		Objects.requireNonNull(issueType, "issueType");
		Objects.requireNonNull(resolution, "resolution");
		Objects.requireNonNull(claimFiledFrom, "claimFiledFrom");
	}

}

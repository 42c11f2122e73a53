package io.claimport.claims.claim.web;

import io.claimport.claims.claim.domain.Claim;

/**
 * The answer to an offline claim, as the public offline claims API gives it: the request
 * echoed with the generated {@code sourceOrderId}, plus the new claim's {@code id}.
 */
record OfflineClaimAnswer(String status, Payload payload) {

	static OfflineClaimAnswer of(Claim claim, OfflineClaimRequest request) {
		OfflineClaimRequest.Options options = (request.options() != null) ? request.options()
				: new OfflineClaimRequest.Options(false, false);
		return new OfflineClaimAnswer("ok",
				new Payload(claim.getId(), claim.getSourceOrderId(), request.customer(), request.item(),
						request.warranty(), request.shippingAddress(), request.storeId(), request.signature(),
						request.salesChannel(), request.claimCategory(), request.issueType(), request.resolution(),
						claim.getClaimFiledFrom().name(), options));
	}

	record Payload(String id, String sourceOrderId, OfflineClaimRequest.Customer customer,
			OfflineClaimRequest.Item item, OfflineClaimRequest.Warranty warranty,
			OfflineClaimRequest.Address shippingAddress, String storeId, String signature, String salesChannel,
			String claimCategory, String issueType, String resolution, String claimFiledFrom,
			OfflineClaimRequest.Options options) {

	}

}

package io.claimport.gateway.web;

/** What the gateway's filters leave on a request for the ones after them. */
public final class ExchangeAttributes {

	/**
	 * The {@link io.claimport.common.identity.CallerIdentity} that authentication
	 * verified.
	 */
	public static final String CALLER = "claimport.caller";

	/** Why the gateway refused the request, in snake_case, for the request log. */
	public static final String REJECTION_REASON = "claimport.rejectionReason";

	private ExchangeAttributes() {
	}

}

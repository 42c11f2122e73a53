package io.claimport.gateway.web;

/** What the gateway's filters leave on a request for the ones after them. */
public final class ExchangeAttributes {

	/**
	 * The {@link io.claimport.common.identity.CallerIdentity} that authentication
	 * verified.
	 */
	public static final String CALLER = "claimport.caller";

	/** The {@link io.claimport.gateway.key.ApiKey} the caller authenticated with. */
	public static final String API_KEY = "claimport.apiKey";

	/**
	 * The identity token the gateway signed for the caller, which the proxied request
	 * carries to the service.
	 */
	public static final String IDENTITY_TOKEN = "claimport.identityToken";

	/** Why the gateway refused the request, in snake_case, for the request log. */
	public static final String REJECTION_REASON = "claimport.rejectionReason";

	private ExchangeAttributes() {
	}

}

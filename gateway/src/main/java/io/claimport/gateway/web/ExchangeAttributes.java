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
	 * The proxied request's {@code Authorization} value: the identity token the gateway
	 * signed for the caller, as a bearer token.
	 */
	public static final String FORWARDED_AUTHORIZATION = "claimport.forwardedAuthorization";

	/** Why the gateway refused the request, in snake_case, for the request log. */
	public static final String REJECTION_REASON = "claimport.rejectionReason";

	/**
	 * The request's id (also its {@code X-Request-Id} answer header and request-log
	 * entry), told to the service the request goes to.
	 */
	public static final String REQUEST_ID = "claimport.requestId";

	private ExchangeAttributes() {
	}

}

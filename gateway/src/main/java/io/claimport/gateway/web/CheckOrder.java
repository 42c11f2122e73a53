package io.claimport.gateway.web;

import org.springframework.core.Ordered;

/**
 * The order in which {@link RequestChecks} runs the gateway's checks on a request. The
 * request log wraps everything so that rejected requests are logged too. Plain HTTP is
 * refused before anything else; then the key is authenticated (a locked-out address is
 * refused before any lookup); then where it may be used from (plan, IP allow-list), so
 * that a refusal for either costs no quota; then the rate limits; the scope comes last,
 * so a call refused for its scope counts, as GitHub counts it.
 */
public final class CheckOrder {

	public static final int REQUEST_LOG = Ordered.HIGHEST_PRECEDENCE;

	/**
	 * Inside the request log, around everything else: counts what a key's requests got.
	 */
	public static final int USAGE = Ordered.HIGHEST_PRECEDENCE + 1;

	/**
	 * Inside the request log and usage: turns a failure (a service down, slow or broken
	 * off, no route) into a problem answer, so that both record the status the client
	 * got.
	 */
	public static final int ERROR_ANSWERS = Ordered.HIGHEST_PRECEDENCE + 2;

	public static final int TRANSPORT = -100;

	/** After HTTPS, before any credential is read: the method and the path's form. */
	public static final int REQUEST_SHAPE = -90;

	public static final int AUTHENTICATION = 0;

	public static final int ACCESS_POLICY = 100;

	public static final int RATE_LIMIT = 200;

	public static final int SCOPE = 300;

	/**
	 * Last: only a request that may run takes its {@code Idempotency-Key}, and a replay
	 * has passed every check the first request passed.
	 */
	public static final int IDEMPOTENCY = 400;

	private CheckOrder() {
	}

}

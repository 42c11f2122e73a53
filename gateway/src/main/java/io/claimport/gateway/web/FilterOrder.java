package io.claimport.gateway.web;

import org.springframework.core.Ordered;

/**
 * The order of the gateway's checks on a request. The request log wraps everything so
 * that rejected requests are logged too; checks that need no identity (lockout, IP
 * allow-list) come before authentication, those that need it (scopes, rate limits) after.
 */
public final class FilterOrder {

	public static final int REQUEST_LOG = Ordered.HIGHEST_PRECEDENCE;

	public static final int AUTHENTICATION = 0;

	private FilterOrder() {
	}

}

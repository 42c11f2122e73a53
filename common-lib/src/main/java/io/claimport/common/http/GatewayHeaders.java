package io.claimport.common.http;

/** Headers the gateway and the services agree on. */
public final class GatewayHeaders {

	/**
	 * The gateway's id of a request: on its answer, in its request-log entry, and on the
	 * request it forwards to a service, which logs it.
	 */
	public static final String REQUEST_ID = "X-Request-Id";

	private GatewayHeaders() {
	}

}

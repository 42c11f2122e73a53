package io.claimport.common.problem;

import java.net.URI;

/**
 * The {@code type} URI of each kind of RFC 9457 problem, the same in every service and
 * the gateway.
 */
public final class ProblemTypes {

	private static final String BASE = "https://claimport.io/problems/";

	public static final URI VALIDATION = URI.create(BASE + "validation");

	public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");

	public static final URI BULK_LIMIT = URI.create(BASE + "bulk-limit");

	public static final URI NOT_FOUND = URI.create(BASE + "not-found");

	public static final URI UNAUTHENTICATED = URI.create(BASE + "unauthenticated");

	public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

	public static final URI CONFLICT = URI.create(BASE + "conflict");

	/**
	 * A claim cannot move to the state asked for from the state it is in:
	 * {@code currentState}, {@code requestedState}, {@code allowedStates}.
	 */
	public static final URI CLAIM_STATE_CONFLICT = URI.create(BASE + "claim-state-conflict");

	/**
	 * An order cannot move to the status asked for from the one it is in:
	 * {@code currentStatus}, {@code requestedStatus}, {@code allowedStatuses}.
	 */
	public static final URI ORDER_STATUS_CONFLICT = URI.create(BASE + "order-status-conflict");

	/**
	 * A warranty claim made after the warranty ended; {@code warrantyEndedOn} says when.
	 */
	public static final URI WARRANTY_EXPIRED = URI.create(BASE + "warranty-expired");

	/**
	 * An {@code Idempotency-Key} used before for another request (method, path or body):
	 * a key names one request.
	 */
	public static final URI IDEMPOTENCY_KEY_REUSED = URI.create(BASE + "idempotency-key-reused");

	/**
	 * The first request with this {@code Idempotency-Key} is still running; retry after
	 * {@code Retry-After} to get its answer.
	 */
	public static final URI IDEMPOTENCY_KEY_IN_USE = URI.create(BASE + "idempotency-key-in-use");

	/** {@code If-Match} named a version the object no longer has. */
	public static final URI PRECONDITION_FAILED = URI.create(BASE + "precondition-failed");

	/** The identity lacks the scope the call needs; {@code requiredScope} names it. */
	public static final URI INSUFFICIENT_SCOPE = URI.create(BASE + "insufficient-scope");

	/** The account's plan does not include API access. */
	public static final URI PLAN_UPGRADE_REQUIRED = URI.create(BASE + "plan-upgrade-required");

	/** The key's IP allow-list does not include the caller's address. */
	public static final URI IP_NOT_ALLOWED = URI.create(BASE + "ip-not-allowed");

	/** The account already has as many active keys as its plan allows. */
	public static final URI KEY_LIMIT = URI.create(BASE + "key-limit");

	/** The key made more requests than its plan allows per minute or per day. */
	public static final URI RATE_LIMITED = URI.create(BASE + "rate-limited");

	/** Too many failed authentications from the caller's address. */
	public static final URI LOCKED_OUT = URI.create(BASE + "locked-out");

	/** The gateway accepts HTTPS only. */
	public static final URI HTTPS_REQUIRED = URI.create(BASE + "https-required");

	/**
	 * A request the API does not serve with this method; the {@code Allow} header says
	 * which it does.
	 */
	public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");

	/**
	 * A body in a media type the API does not read; {@code supportedMediaTypes} names
	 * those it does.
	 */
	public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");

	/** An answer in a media type the API does not write. */
	public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");

	/** A body, request line or header section larger than the API takes. */
	public static final URI REQUEST_TOO_LARGE = URI.create(BASE + "request-too-large");

	/**
	 * The service behind the gateway cannot be reached; retry after {@code Retry-After}.
	 */
	public static final URI UNAVAILABLE = URI.create(BASE + "unavailable");

	/** The service behind the gateway broke off its answer. */
	public static final URI BAD_GATEWAY = URI.create(BASE + "bad-gateway");

	/** The service behind the gateway did not answer in time. */
	public static final URI GATEWAY_TIMEOUT = URI.create(BASE + "gateway-timeout");

	public static final URI INTERNAL = URI.create(BASE + "internal");

	private ProblemTypes() {
	}

}

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

	public static final URI UNAVAILABLE = URI.create(BASE + "unavailable");

	public static final URI INTERNAL = URI.create(BASE + "internal");

	private ProblemTypes() {
	}

}

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

	public static final URI UNAVAILABLE = URI.create(BASE + "unavailable");

	public static final URI INTERNAL = URI.create(BASE + "internal");

	private ProblemTypes() {
	}

}

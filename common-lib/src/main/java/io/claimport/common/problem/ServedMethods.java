package io.claimport.common.problem;

import java.util.Set;

/**
 * The HTTP methods the API serves, the same at the gateway and in every service; any
 * other (TRACE, PROPFIND, a lower-case {@code get}) is answered 405 with {@link #ALLOW}.
 */
public final class ServedMethods {

	/** The value of the {@code Allow} header. */
	public static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

	private static final Set<String> SERVED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	private ServedMethods() {
	}

	/** Methods are case-sensitive: {@code get} is not served. */
	public static boolean isServed(String method) {
		return SERVED.contains(method);
	}

}

package io.claimport.common.identity;

import java.util.Optional;
import java.util.Set;

/**
 * The permission scopes an API key can hold, and which one each API call needs. Reading
 * ({@code GET}, {@code HEAD}) needs a resource's {@code :read} scope, anything else its
 * {@code :write} scope; {@code full:access} grants every scope. Calls without a resource
 * scope of their own (key management, audit, analytics writes) need {@code full:access}.
 * The gateway and every service apply this one table.
 */
public final class Scopes {

	public static final String PRODUCTS_READ = "products:read";

	public static final String PRODUCTS_WRITE = "products:write";

	public static final String ORDERS_READ = "orders:read";

	public static final String ORDERS_WRITE = "orders:write";

	public static final String CLAIMS_READ = "claims:read";

	public static final String CLAIMS_WRITE = "claims:write";

	public static final String ANALYTICS_READ = "analytics:read";

	public static final String FULL_ACCESS = "full:access";

	/** Every scope a key may be given. */
	public static final Set<String> ALL = Set.of(PRODUCTS_READ, PRODUCTS_WRITE, ORDERS_READ, ORDERS_WRITE, CLAIMS_READ,
			CLAIMS_WRITE, ANALYTICS_READ, FULL_ACCESS);

	private static final String API_PREFIX = "/api/v1/";

	private Scopes() {
	}

	public static boolean grants(Set<String> held, String needed) {
		return held.contains(FULL_ACCESS) || held.contains(needed);
	}

	/** The scope a call to the public API needs; empty for paths outside it. */
	public static Optional<String> requiredFor(String method, String path) {
		if (!path.startsWith(API_PREFIX)) {
			return Optional.empty();
		}
		String rest = path.substring(API_PREFIX.length());
		int slash = rest.indexOf('/');
		String resource = (slash < 0) ? rest : rest.substring(0, slash);
		boolean reads = "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method);
		String needed = resource + (reads ? ":read" : ":write");
		return Optional.of(ALL.contains(needed) ? needed : FULL_ACCESS);
	}

}

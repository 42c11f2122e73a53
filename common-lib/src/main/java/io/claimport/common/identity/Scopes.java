package io.claimport.common.identity;

import java.util.List;

/** The permission scopes an API key can hold. */
public final class Scopes {

	public static final String PRODUCTS_READ = "products:read";

	public static final String PRODUCTS_WRITE = "products:write";

	public static final String ORDERS_READ = "orders:read";

	public static final String ORDERS_WRITE = "orders:write";

	public static final String CLAIMS_READ = "claims:read";

	public static final String CLAIMS_WRITE = "claims:write";

	public static final String ANALYTICS_READ = "analytics:read";

	public static final String FULL_ACCESS = "full:access";

	public static final List<String> ALL = List.of(PRODUCTS_READ, PRODUCTS_WRITE, ORDERS_READ, ORDERS_WRITE,
			CLAIMS_READ, CLAIMS_WRITE, ANALYTICS_READ, FULL_ACCESS);

	private Scopes() {
	}

}

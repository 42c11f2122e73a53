package io.claimport.common.identity;

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

	private Scopes() {
	}

}

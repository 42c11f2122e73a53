package io.claimport.analytics.projection;

/**
 * The schema a copy of the analytics projection lives in: the live one, which the API
 * reads, or the one a rebuild fills beside it until it takes the live one's place. SQL of
 * the projection names its tables in the live schema ({@code projection.claim_fact});
 * {@link #qualify(String)} points it at this one.
 */
public record ProjectionSchema(String name) {

	public static final ProjectionSchema LIVE = new ProjectionSchema("projection");

	public static final ProjectionSchema REBUILD = new ProjectionSchema("projection_rebuild");

	private static final String LIVE_PREFIX = LIVE.name + ".";

	/** The SQL with every table of the live schema taken from this one instead. */
	public String qualify(String sql) {
		return equals(LIVE) ? sql : sql.replace(LIVE_PREFIX, this.name + ".");
	}

	public String table(String table) {
		return this.name + "." + table;
	}

}

package io.claimport.devstack;

/**
 * The six services of the suite: where each listens by default and which database it
 * owns.
 */
enum Service {

	GATEWAY("gateway", "GATEWAY_PORT", 8080, "claimport_gateway", "GATEWAY_DB_URL"),
	CATALOG("catalog-service", "CATALOG_PORT", 8081, "claimport_catalog", "CATALOG_DB_URL"),
	ORDER("order-service", "ORDER_PORT", 8082, "claimport_orders", "ORDER_DB_URL"),
	CLAIMS("claims-service", "CLAIMS_PORT", 8083, "claimport_claims", "CLAIMS_DB_URL"),
	ANALYTICS("analytics-service", "ANALYTICS_PORT", 8084, "claimport_analytics", "ANALYTICS_DB_URL"),
	AUDIT("audit-service", "AUDIT_PORT", 8085, "claimport_audit", "AUDIT_DB_URL");

	private final String module;

	private final String portVariable;

	private final int defaultPort;

	private final String database;

	private final String databaseUrlVariable;

	Service(String module, String portVariable, int defaultPort, String database, String databaseUrlVariable) {
		this.module = module;
		this.portVariable = portVariable;
		this.defaultPort = defaultPort;
		this.database = database;
		this.databaseUrlVariable = databaseUrlVariable;
	}

	String module() {
		return this.module;
	}

	String portVariable() {
		return this.portVariable;
	}

	int defaultPort() {
		return this.defaultPort;
	}

	String database() {
		return this.database;
	}

	String databaseUrlVariable() {
		return this.databaseUrlVariable;
	}

	/**
	 * The variable of its management port (actuator: health, metrics), e.g.
	 * CATALOG_MANAGEMENT_PORT; by default its port plus 100.
	 */
	String managementPortVariable() {
		return this.portVariable.replace("_PORT", "_MANAGEMENT_PORT");
	}

	/** The variable by which the gateway finds this service, e.g. CATALOG_URL. */
	String urlVariable() {
		return this.portVariable.replace("_PORT", "_URL");
	}

}

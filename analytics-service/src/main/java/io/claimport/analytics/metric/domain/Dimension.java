package io.claimport.analytics.metric.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a metric can be broken down by, as the {@code by} parameter names it. */
public enum Dimension {

	STATE("state", "the claim's state now"),

	CLAIM_TYPE("claimType", "the claim's type, as filed"),

	ISSUE_TYPE("issueType", "what went wrong (offline claims say; null for others)"),

	CLAIM_CATEGORY("claimCategory", "SHIPPING or WARRANTY (offline claims say; null for others)"),

	SALES_CHANNEL("salesChannel", "where the item was sold: ONLINE for a claim on an order of the store"),

	REQUESTED_RESOLUTION("requestedResolution", "what the customer asked for (offline claims say; null for others)"),

	SKU("sku", "the SKU of a claimed or ordered item; a claim of several SKUs counts once in each"),

	CATEGORY("category", "the category of the product holding the SKU now; null for a SKU no product holds"),

	RESOLUTION_TYPE("resolutionType", "how the claim was settled"),

	CREDIT_TYPE("creditType", "the kind of store credit"),

	ORDER_STATUS("status", "the order's status now"),

	CURRENCY("currency", "the ISO 4217 currency of the order");

	private final String parameter;

	private final String description;

	Dimension(String parameter, String description) {
		this.parameter = parameter;
		this.description = description;
	}

	public String parameter() {
		return this.parameter;
	}

	public String description() {
		return this.description;
	}

	public static Optional<Dimension> byParameter(String parameter) {
		return Arrays.stream(values()).filter((dimension) -> dimension.parameter.equals(parameter)).findFirst();
	}

}

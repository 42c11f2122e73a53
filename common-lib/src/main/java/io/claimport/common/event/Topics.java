package io.claimport.common.event;

import java.util.List;

/**
 * Every Kafka topic of the suite. Each has a dead-letter topic for records its consumers
 * cannot process.
 */
public final class Topics {

	public static final String PRODUCTS = "claimport.catalog.products";

	public static final String ORDERS = "claimport.orders.orders";

	public static final String CLAIMS = "claimport.claims.claims";

	public static final String REQUEST_LOG = "claimport.gateway.request-log";

	public static final List<String> ALL = List.of(PRODUCTS, ORDERS, CLAIMS, REQUEST_LOG);

	private static final String DEAD_LETTER_SUFFIX = ".DLT";

	private Topics() {
	}

	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}

package io.claimport.common.event;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every Kafka topic of the suite and its settings, the one place that says them: the
 * services create the topics with them (compose), and the Strimzi topics of the
 * Kubernetes manifests carry the same (a test holds them equal). Each has a dead-letter
 * topic for records its consumers cannot process.
 */
public final class Topics {

	public static final String PRODUCTS = "claimport.catalog.products";

	public static final String ORDERS = "claimport.orders.orders";

	public static final String CLAIMS = "claimport.claims.claims";

	public static final String REQUEST_LOG = "claimport.gateway.request-log";

	public static final List<String> ALL = List.of(PRODUCTS, ORDERS, CLAIMS, REQUEST_LOG);

	/** The domain topics: the events projections are built, and rebuilt, from. */
	public static final List<String> DOMAIN = List.of(PRODUCTS, ORDERS, CLAIMS);

	/** How long the request log stays on its topic: the audit service keeps the log. */
	public static final Duration REQUEST_LOG_RETENTION = Duration.ofDays(7);

	private static final String DEAD_LETTER_SUFFIX = ".DLT";

	private Topics() {
	}

	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

	/**
	 * The Kafka settings of a topic or of its dead-letter topic. A domain topic keeps
	 * every event, however old and however many (a projection is rebuilt from its first
	 * offset), as its dead-letter topic keeps every record set aside; the request log
	 * keeps a week.
	 */
	public static Map<String, String> settingsOf(String topic) {
		String of = topic.endsWith(DEAD_LETTER_SUFFIX)
				? topic.substring(0, topic.length() - DEAD_LETTER_SUFFIX.length()) : topic;
		if (DOMAIN.contains(of)) {
			return Map.of("retention.ms", "-1", "retention.bytes", "-1", "cleanup.policy", "delete");
		}
		if (REQUEST_LOG.equals(of)) {
			return Map.of("retention.ms", String.valueOf(REQUEST_LOG_RETENTION.toMillis()), "retention.bytes", "-1",
					"cleanup.policy", "delete");
		}
		throw new IllegalArgumentException("not a topic of the suite: " + topic);
	}

}

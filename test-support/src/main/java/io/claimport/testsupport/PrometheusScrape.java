package io.claimport.testsupport;

import java.util.Arrays;

/**
 * What Prometheus would read from an application's management port: the sum of one
 * metric's samples whose labels contain every given {@code name="value"} pair.
 */
public final class PrometheusScrape {

	private final String text;

	private PrometheusScrape(String text) {
		this.text = text;
	}

	public static PrometheusScrape of(String managementUrl) {
		ApiClient.Response response = new ApiClient(managementUrl).get("/actuator/prometheus");
		if (response.status() != 200) {
			throw new IllegalStateException("/actuator/prometheus answered " + response.status());
		}
		return new PrometheusScrape(response.body());
	}

	/** The sum of the samples, or NaN when the metric has none. */
	public double value(String metric, String... labels) {
		return this.text.lines()
			.filter((line) -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
			.filter((line) -> Arrays.stream(labels).allMatch(line::contains))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.reduce(Double::sum)
			.orElse(Double.NaN);
	}

	public boolean has(String metric) {
		return !Double.isNaN(value(metric));
	}

}

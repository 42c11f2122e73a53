package io.claimport.analytics.metric.domain;

/** A number a metric's rows carry, by the name of its field in a row and a CSV column. */
public enum Measure {

	COUNT("count"), NUMERATOR("numerator"), DENOMINATOR("denominator"), RATE("rate"), MEDIAN_SECONDS("medianSeconds"),
	P90_SECONDS("p90Seconds"), AMOUNT("amount");

	private final String field;

	Measure(String field) {
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}

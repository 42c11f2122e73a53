package io.claimport.analytics.statistics.domain;

/** What the statistics count, and the name of each subject's breakdown. */
public enum Subject {

	PRODUCTS("category"), ORDERS("status"), CLAIMS("state");

	private final String breakdown;

	Subject(String breakdown) {
		this.breakdown = breakdown;
	}

	public String breakdown() {
		return this.breakdown;
	}

	public String bucket(String value) {
		return this.breakdown + ":" + value;
	}

}

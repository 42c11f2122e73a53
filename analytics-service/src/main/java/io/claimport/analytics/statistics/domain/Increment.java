package io.claimport.analytics.statistics.domain;

/** One counter to add one to: a subject and a bucket within it. */
public record Increment(Subject subject, String bucket) {

	public static final String TOTAL = "total";

}

package io.claimport.analytics.statistics.domain;

/** What to add to one counter: a subject, a bucket within it, and how much (-1 or 1). */
public record Increment(Subject subject, String bucket, int delta) {

	public static final String TOTAL = "total";

	public Increment(Subject subject, String bucket) {
		this(subject, bucket, 1);
	}

}

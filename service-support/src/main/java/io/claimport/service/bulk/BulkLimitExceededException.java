package io.claimport.service.bulk;

import io.claimport.common.problem.FieldViolation;

/**
 * A bulk request with no items or more than its endpoint takes; nothing of it is written.
 */
public class BulkLimitExceededException extends RuntimeException {

	private final FieldViolation violation;

	BulkLimitExceededException(String resource, int max, int actual) {
		super("A request creates 1 to " + max + " " + resource + "s; this one has " + actual + ".");
		this.violation = new FieldViolation("", (actual == 0) ? "minItems" : "maxItems", getMessage());
	}

	public FieldViolation violation() {
		return this.violation;
	}

}

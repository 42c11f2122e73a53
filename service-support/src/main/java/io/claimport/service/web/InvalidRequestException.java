package io.claimport.service.web;

import io.claimport.common.problem.FieldViolation;

import java.util.List;

/**
 * A request that breaks a rule no annotation can express; answered with 400 and the
 * violations.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldViolation> violations;

	public InvalidRequestException(FieldViolation violation) {
		this(List.of(violation));
	}

	public InvalidRequestException(List<FieldViolation> violations) {
		super(violations.get(0).message());
		this.violations = List.copyOf(violations);
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

}

package io.claimport.gateway.web;

import java.util.List;

import io.claimport.common.problem.FieldViolation;

public class InvalidRequestException extends RuntimeException {

	private final List<FieldViolation> violations;

	public InvalidRequestException(List<FieldViolation> violations) {
		super(violations.get(0).message());
		this.violations = List.copyOf(violations);
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

}

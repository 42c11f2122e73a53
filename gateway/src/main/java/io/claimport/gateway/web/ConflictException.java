package io.claimport.gateway.web;

import java.net.URI;
import java.util.Map;

import io.claimport.common.problem.ProblemTypes;

/** The request is valid, but the state of the account or resource does not allow it. */
public class ConflictException extends RuntimeException {

	private final URI type;

	private final String title;

	private final Map<String, Object> properties;

	public ConflictException(String message) {
		this(ProblemTypes.CONFLICT, "Conflict", message, Map.of());
	}

	public ConflictException(URI type, String title, String message, Map<String, Object> properties) {
		super(message);
		this.type = type;
		this.title = title;
		this.properties = Map.copyOf(properties);
	}

	public URI type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

}

package io.claimport.gateway.web;

/** The caller could not be identified; the reason is what the request log records. */
public class UnauthenticatedException extends RuntimeException {

	private final String reason;

	public UnauthenticatedException(String reason, String message) {
		super(message);
		this.reason = reason;
	}

	public String reason() {
		return this.reason;
	}

}

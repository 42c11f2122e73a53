package io.claimport.service.web;

/**
 * A request body larger than a service reads; answered with 413 and nothing is written.
 */
public class RequestTooLargeException extends RuntimeException {

	private final int maxBytes;

	RequestTooLargeException(int maxBytes) {
		super("The request body is larger than " + maxBytes + " bytes, the most the API accepts.");
		this.maxBytes = maxBytes;
	}

	public int maxBytes() {
		return this.maxBytes;
	}

}

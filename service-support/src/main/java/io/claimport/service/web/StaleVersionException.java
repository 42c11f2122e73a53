package io.claimport.service.web;

/**
 * A conditional change ({@code If-Match}) of an object that changed since the client read
 * it; nothing was changed. Answered 412 with the object's current ETag.
 */
public class StaleVersionException extends RuntimeException {

	private final long currentVersion;

	public StaleVersionException(String what, long currentVersion) {
		super("The " + what + " changed since you read it: it is at version " + currentVersion
				+ ". Read it again and decide anew.");
		this.currentVersion = currentVersion;
	}

	public long currentVersion() {
		return this.currentVersion;
	}

}

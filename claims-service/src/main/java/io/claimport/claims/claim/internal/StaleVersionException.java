package io.claimport.claims.claim.internal;

/**
 * A conditional change ({@code If-Match}) of a claim that changed since the client read
 * it; nothing was changed.
 */
public class StaleVersionException extends RuntimeException {

	private final long currentVersion;

	StaleVersionException(long currentVersion) {
		super("The claim changed since you read it: it is at version " + currentVersion
				+ ". Read it again and decide anew.");
		this.currentVersion = currentVersion;
	}

	public long currentVersion() {
		return this.currentVersion;
	}

}

package io.claimport.gateway.key;

import java.time.Instant;
import java.util.Set;

/** A stored API key: everything but the secret, of which only the SHA-256 is kept. */
public record ApiKey(String id, String accountId, String name, byte[] secretHash, String prefix, String lastFour,
		Set<String> scopes, Instant createdAt, Instant expiresAt, Instant revokedAt) {

	public static final String ID_PREFIX = "key";

	public ApiKey {
		scopes = Set.copyOf(scopes);
	}

	public boolean isRevoked() {
		return this.revokedAt != null;
	}

	public boolean isExpiredAt(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

}

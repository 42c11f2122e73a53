package io.claimport.gateway.key;

import java.time.Instant;
import java.util.Set;

import io.claimport.gateway.network.IpAllowlist;
import io.claimport.gateway.plan.Plan;

/**
 * A stored API key: everything but the secret, of which only the SHA-256 is kept, and the
 * plan of the account it belongs to.
 */
public record ApiKey(String id, String accountId, Plan plan, String name, byte[] secretHash, String prefix,
		String lastFour, Set<String> scopes, IpAllowlist ipAllowlist, Instant createdAt, Instant expiresAt,
		Instant revokedAt, String replacedBy) {

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

	/**
	 * Counts against the plan's key limit: neither revoked, expired, nor on its way out
	 * after a rotation.
	 */
	public boolean isActiveAt(Instant now) {
		return !isRevoked() && !isExpiredAt(now) && this.replacedBy == null;
	}

}

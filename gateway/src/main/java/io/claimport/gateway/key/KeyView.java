package io.claimport.gateway.key;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A key as the key API shows it: never the secret, except in the answer to create and
 * rotate ({@code key}), which is the only time it exists outside the caller's hands.
 */
public record KeyView(String id, String name, @JsonInclude(JsonInclude.Include.NON_NULL) String key, String prefix,
		String lastFour, List<String> scopes, List<String> ipAllowlist, String status, Instant createdAt,
		Instant expiresAt, Instant revokedAt, String replacedBy) {

	static KeyView of(ApiKey key, Instant now) {
		return new KeyView(key.id(), key.name(), null, key.prefix(), key.lastFour(),
				key.scopes().stream().sorted().toList(), key.ipAllowlist().ranges(), statusOf(key, now),
				key.createdAt(), key.expiresAt(), key.revokedAt(), key.replacedBy());
	}

	public static KeyView issued(IssuedKey issued, Instant now) {
		KeyView view = of(issued.key(), now);
		return new KeyView(view.id(), view.name(), issued.secret(), view.prefix(), view.lastFour(), view.scopes(),
				view.ipAllowlist(), view.status(), view.createdAt(), view.expiresAt(), view.revokedAt(),
				view.replacedBy());
	}

	/** active, rotated (working until its grace period ends), expired or revoked. */
	static String statusOf(ApiKey key, Instant now) {
		if (key.isRevoked()) {
			return "revoked";
		}
		if (key.isExpiredAt(now)) {
			return "expired";
		}
		return (key.replacedBy() != null) ? "rotated" : "active";
	}

}

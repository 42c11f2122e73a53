package io.claimport.gateway.key;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.claimport.gateway.usage.KeyUsage;

/**
 * A key as the key API shows it: never the secret, except in the answer to create and
 * rotate ({@code key}), which is the only time it exists outside the caller's hands.
 */
public record KeyView(String id, String name, @JsonInclude(JsonInclude.Include.NON_NULL) String key, String prefix,
		String lastFour, List<String> scopes, List<String> ipAllowlist, String status, Instant createdAt,
		Instant expiresAt, Instant revokedAt, String replacedBy, Instant lastUsedAt, String lastUsedIp,
		UsageToday usageToday) {

	static KeyView of(ApiKey key, KeyUsage usage, Instant now) {
		return of(key, null, usage, now);
	}

	/** A key just made: its secret, and no use yet. */
	public static KeyView issued(IssuedKey issued, Instant now) {
		return of(issued.key(), issued.secret(), KeyUsage.NONE, now);
	}

	private static KeyView of(ApiKey key, String secret, KeyUsage usage, Instant now) {
		return new KeyView(key.id(), key.name(), secret, key.prefix(), key.lastFour(),
				key.scopes().stream().sorted().toList(), key.ipAllowlist().ranges(), statusOf(key, now),
				key.createdAt(), key.expiresAt(), key.revokedAt(), key.replacedBy(), usage.lastUsedAt(),
				usage.lastUsedIp(), new UsageToday(usage.requests(), usage.clientErrors(), usage.serverErrors()));
	}

	/** Requests made with the key today (UTC), and how many got a 4xx or a 5xx answer. */
	record UsageToday(long requests, long clientErrors, long serverErrors) {

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

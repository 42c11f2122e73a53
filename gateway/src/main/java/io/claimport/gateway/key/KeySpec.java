package io.claimport.gateway.key;

import java.time.Instant;
import java.util.Set;

import io.claimport.gateway.network.IpAllowlist;

/** What a key is allowed: everything about it but its secret and its history. */
public record KeySpec(String name, Set<String> scopes, IpAllowlist ipAllowlist, Instant expiresAt) {

	public KeySpec {
		scopes = Set.copyOf(scopes);
	}

}

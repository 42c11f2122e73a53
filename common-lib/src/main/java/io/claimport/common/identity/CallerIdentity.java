package io.claimport.common.identity;

import java.util.Objects;
import java.util.Set;

/**
 * The caller as the gateway verified it: whose account, through which key, allowed to do
 * what.
 */
public record CallerIdentity(String accountId, String keyId, Set<String> scopes) {

	public CallerIdentity {
		Objects.requireNonNull(accountId, "accountId");
		Objects.requireNonNull(keyId, "keyId");
		scopes = Set.copyOf(scopes);
	}

	public boolean hasScope(String scope) {
		return this.scopes.contains(scope) || this.scopes.contains(Scopes.FULL_ACCESS);
	}

}

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

	public static CallerIdentity operator() {
		return new CallerIdentity(IdentityToken.OPERATOR_SUBJECT, "admin-token", Set.of(IdentityToken.OPERATOR_SCOPE));
	}

	/**
	 * The operator scope is never implied by {@code full:access}: it is not an account's
	 * to have.
	 */
	public boolean isOperator() {
		return IdentityToken.OPERATOR_SUBJECT.equals(this.accountId)
				&& this.scopes.contains(IdentityToken.OPERATOR_SCOPE);
	}

}

package io.claimport.common.identity;

import java.time.Duration;

/**
 * The short-lived JWT by which the gateway tells a service who is calling. The gateway
 * signs it; each service verifies the signature with the gateway's public key, so a
 * header set by anyone else is worthless.
 */
public final class IdentityToken {

	public static final String ISSUER = "claimport-gateway";

	public static final String AUDIENCE = "claimport-services";

	/** The subject is the account id; these are the other claims. */
	public static final String KEY_ID_CLAIM = "key_id";

	/** Space-separated, as in RFC 8693 and OAuth 2.0. */
	public static final String SCOPE_CLAIM = "scope";

	/**
	 * The subject and scope of the operator identity, which the gateway grants to holders
	 * of the admin token only. No API key can hold this scope.
	 */
	public static final String OPERATOR_SUBJECT = "claimport-operator";

	public static final String OPERATOR_SCOPE = "ops:audit";

	public static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

	private IdentityToken() {
	}

}

package io.claimport.gateway.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.identity.IdentityToken;
import io.claimport.gateway.web.HotPathCaches;

/**
 * Signs the identity token the services trust (ES256) and gives it as the proxied
 * request's {@code Authorization} value. A token lives one minute and is reused for half
 * of that, so signing costs one operation per key per 30 seconds, not one per request.
 */
public class IdentityTokenIssuer {

	private final ECKey signingKey;

	private final ECDSASigner signer;

	private final Clock clock;

	private final Cache<CallerIdentity, String> authorizations;

	public IdentityTokenIssuer(ECKey signingKey, Clock clock) {
		this.signingKey = signingKey;
		this.clock = clock;
		try {
			this.signer = new ECDSASigner(signingKey);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("the identity signing key is not an EC private key", ex);
		}
		this.authorizations = HotPathCaches.newBuilder()
			.maximumSize(100_000)
			.expireAfterWrite(IdentityToken.TIME_TO_LIVE.dividedBy(2))
			.build();
	}

	/** {@code Bearer <token>}. */
	public String authorizationFor(CallerIdentity identity) {
		return this.authorizations.get(identity, (caller) -> "Bearer " + sign(caller));
	}

	/** The public half, for the services to verify with. */
	public JWKSet publicKeys() {
		return new JWKSet(this.signingKey.toPublicJWK());
	}

	private String sign(CallerIdentity identity) {
		Instant now = this.clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(IdentityToken.ISSUER)
			.audience(List.of(IdentityToken.AUDIENCE))
			.subject(identity.accountId())
			.claim(IdentityToken.KEY_ID_CLAIM, identity.keyId())
			.claim(IdentityToken.SCOPE_CLAIM, String.join(" ", new TreeSet<>(identity.scopes())))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(IdentityToken.TIME_TO_LIVE)))
			.build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.signingKey.getKeyID()).build(), claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("could not sign an identity token", ex);
		}
		return jwt.serialize();
	}

}

package io.claimport.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.claimport.common.identity.IdentityToken;

/**
 * Stands in for the gateway when a test calls a service directly: signs identity tokens
 * with a key pair made for this JVM, whose public half the services under test are told
 * to trust.
 */
public final class TestIdentities {

	private static final ECKey SIGNING_KEY = generate("test-gateway");

	private static Path jwksFile;

	private TestIdentities() {
	}

	/** An {@code Authorization} header value that carries the given identity. */
	public static String bearer(String accountId, String... scopes) {
		return "Bearer " + token(SIGNING_KEY, IdentityToken.ISSUER, accountId, scopes);
	}

	/** The same identity signed by a key the services do not trust, as a forger would. */
	public static String forgedBearer(String accountId, String... scopes) {
		return "Bearer " + token(generate("test-gateway"), IdentityToken.ISSUER, accountId, scopes);
	}

	/** Where the services under test find the public key: a JWKS document on disk. */
	public static synchronized String jwksLocation() {
		if (jwksFile == null) {
			try {
				jwksFile = Files.createTempFile("claimport-test-jwks", ".json");
				Files.writeString(jwksFile, new JWKSet(SIGNING_KEY.toPublicJWK()).toString());
				jwksFile.toFile().deleteOnExit();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return jwksFile.toUri().toString();
	}

	private static String token(ECKey key, String issuer, String accountId, String... scopes) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(List.of(IdentityToken.AUDIENCE))
			.subject(accountId)
			.claim(IdentityToken.KEY_ID_CLAIM, "key_test")
			.claim(IdentityToken.SCOPE_CLAIM, String.join(" ", scopes))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(IdentityToken.TIME_TO_LIVE)))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
		try {
			jwt.sign(new ECDSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static ECKey generate(String keyId) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

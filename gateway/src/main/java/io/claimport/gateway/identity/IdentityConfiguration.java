package io.claimport.gateway.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.claimport.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	IdentityTokenIssuer identityTokenIssuer(GatewayProperties properties, Clock clock) {
		return new IdentityTokenIssuer(signingKey(properties.signingKeyLocation()), clock);
	}

	static ECKey signingKey(String location) {
		if (location == null || location.isBlank()) {
			log.warn("No claimport.gateway.signing-key-location: signing identity tokens with a key made for this run. "
					+ "Configure one shared key when running more than one gateway replica.");
			try {
				return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}
		if (location.strip().startsWith("{")) {
			// the key itself, as containers take secrets: from the environment
			try {
				return ECKey.parse(location.strip());
			}
			catch (ParseException ex) {
				throw new IllegalStateException("the identity signing key given inline is not a JWK: "
						+ "GATEWAY_SIGNING_KEY takes a location (file:/...) or the private EC JWK itself");
			}
		}
		try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
			return ECKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("could not read the identity signing key from " + location, ex);
		}
	}

	/** The gateway's public keys as a JWKS document, where the services fetch them. */
	@RestController
	static class JwksEndpoint {

		private final IdentityTokenIssuer issuer;

		JwksEndpoint(IdentityTokenIssuer issuer) {
			this.issuer = issuer;
		}

		@GetMapping("/.well-known/jwks.json")
		Map<String, Object> jwks() {
			return this.issuer.publicKeys().toJSONObject(true);
		}

	}

}

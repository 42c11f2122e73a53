package io.claimport.service.identity;

import java.io.IOException;
import java.io.InputStream;
import java.text.ParseException;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.DispatcherType;
import io.claimport.common.identity.IdentityToken;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.config.Customizer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every request to a service must carry the gateway's identity token; the service checks
 * its signature against the gateway's public keys, its issuer, audience and expiry. Only
 * health and info stay open, for probes.
 */
@AutoConfiguration
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityConfiguration {

	@Bean
	SecurityFilterChain identityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
		ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(json);
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				// actuator answers on the management port only, which is never published:
				// probes and Prometheus scrapes come from inside the network
				.requestMatchers("/actuator/**")
				.permitAll()
				// the service's API description, for the gateway to merge; no data
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/api/**")
				.access(new ScopeAuthorization())
				.requestMatchers("/ops/**")
				.hasAuthority("SCOPE_" + IdentityToken.OPERATOR_SCOPE)
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * Requests Spring Security's firewall refuses (an unknown method, a dot segment or
	 * {@code ;} in the path, a control character in a header) answered for what they are,
	 * not as a missing identity.
	 */
	@Bean
	RequestRejectedHandler problemRequestRejectedHandler(JsonMapper json) {
		return new ProblemRequestRejectedHandler(json);
	}

	@Bean
	JwtDecoder gatewayIdentityDecoder(IdentityProperties properties) {
		NimbusJwtDecoder decoder = (properties.jwksLocation() != null)
				? NimbusJwtDecoder
					.withJwkSource(new ImmutableJWKSet<SecurityContext>(loadJwks(properties.jwksLocation())))
					.jwsAlgorithm(SignatureAlgorithm.ES256)
					.build()
				: NimbusJwtDecoder.withJwkSetUri(requireUri(properties.jwksUri()))
					.jwsAlgorithm(SignatureAlgorithm.ES256)
					.build();
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.contains(IdentityToken.AUDIENCE));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(IdentityToken.ISSUER), audience));
		return decoder;
	}

	@Bean
	WebMvcConfigurer callerIdentityArgumentResolver() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerIdentityArgumentResolver());
			}
		};
	}

	private static String requireUri(String jwksUri) {
		if (jwksUri == null || jwksUri.isBlank()) {
			throw new IllegalStateException(
					"set claimport.identity.jwks-uri (the gateway's JWKS endpoint) or claimport.identity.jwks-location");
		}
		return jwksUri;
	}

	private static JWKSet loadJwks(String location) {
		try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
			return JWKSet.load(in);
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("could not read the gateway's public keys from " + location, ex);
		}
	}

}

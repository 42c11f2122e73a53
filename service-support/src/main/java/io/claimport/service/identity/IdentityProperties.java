package io.claimport.service.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the gateway's public keys come from: its JWKS endpoint in a running suite, or a
 * JWKS document (a file or classpath resource) where the gateway is not running, as in
 * tests.
 */
@ConfigurationProperties("claimport.identity")
public record IdentityProperties(String jwksUri, String jwksLocation) {

}

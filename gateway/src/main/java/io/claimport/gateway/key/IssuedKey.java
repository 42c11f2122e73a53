package io.claimport.gateway.key;

/**
 * A key just made, with its secret: the only moment the secret exists outside the
 * caller's hands.
 */
public record IssuedKey(ApiKey key, String secret) {

}

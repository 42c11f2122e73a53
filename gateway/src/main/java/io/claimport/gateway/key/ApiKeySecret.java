package io.claimport.gateway.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret part of an API key: {@code cp_live_} followed by 288 random bits from
 * {@link SecureRandom}, URL-safe base64 without padding (48 characters). Only its SHA-256
 * is ever stored.
 */
public final class ApiKeySecret {

	public static final String PREFIX = "cp_live_";

	private static final int RANDOM_BYTES = 36;

	private static final int ENCODED_LENGTH = 48;

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeySecret() {
	}

	public static String generate() {
		byte[] random = new byte[RANDOM_BYTES];
		RANDOM.nextBytes(random);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/**
	 * Whether a presented value has the form of a key at all; anything else needs no
	 * lookup.
	 */
	public static boolean isWellFormed(String presented) {
		if (presented == null || presented.length() != PREFIX.length() + ENCODED_LENGTH
				|| !presented.startsWith(PREFIX)) {
			return false;
		}
		for (int i = PREFIX.length(); i < presented.length(); i++) {
			char c = presented.charAt(i);
			boolean base64Url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_';
			if (!base64Url) {
				return false;
			}
		}
		return true;
	}

	public static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/** What lists may show of a key: the prefix and four characters after it. */
	public static String displayPrefix(String secret) {
		return secret.substring(0, PREFIX.length() + 4);
	}

	public static String lastFour(String secret) {
		return secret.substring(secret.length() - 4);
	}

}

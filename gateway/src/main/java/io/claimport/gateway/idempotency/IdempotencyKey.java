package io.claimport.gateway.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An {@code Idempotency-Key} as its owner (an account, or the operators) sent it. Neither
 * is kept: the store finds the key's row by {@link #id()}, a hash of both, and seals the
 * answer under {@link #sealingKey()}, derived from both in another way, so that only a
 * request that names the key again can read the answer.
 */
final class IdempotencyKey {

	static final String HEADER = "Idempotency-Key";

	static final int MAX_LENGTH = 255;

	private final byte[] id;

	private final SecretKey sealingKey;

	private IdempotencyKey(byte[] id, SecretKey sealingKey) {
		this.id = id;
		this.sealingKey = sealingKey;
	}

	static IdempotencyKey of(String owner, String key) {
		return new IdempotencyKey(sha256("claimport idempotency key", owner, key),
				new SecretKeySpec(sha256("claimport idempotency answer", owner, key), "AES"));
	}

	/**
	 * Why the header's values are not one usable key, or null when they are: one value, 1
	 * to {@value #MAX_LENGTH} visible ASCII characters (a UUID is the usual choice).
	 */
	static String whyInvalid(List<String> values) {
		if (values.size() != 1) {
			return "Send one Idempotency-Key, not " + values.size() + ".";
		}
		String key = values.get(0);
		if (key.isEmpty()) {
			return "The Idempotency-Key is empty; send 1 to " + MAX_LENGTH + " characters, for example a UUID.";
		}
		if (key.length() > MAX_LENGTH) {
			return "The Idempotency-Key has " + key.length() + " characters; it may have at most " + MAX_LENGTH + ".";
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				return "The Idempotency-Key may hold visible ASCII characters and spaces only.";
			}
		}
		return null;
	}

	byte[] id() {
		return this.id.clone();
	}

	SecretKey sealingKey() {
		return this.sealingKey;
	}

	private static byte[] sha256(String purpose, String owner, String key) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { purpose, owner, key }) {
				digest.update(part.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}

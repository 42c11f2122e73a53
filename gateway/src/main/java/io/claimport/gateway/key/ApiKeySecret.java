package io.claimport.gateway.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The secret part of an API key, in the form GitHub uses for its tokens so that secret
 * scanners can recognise a leaked key offline: {@code cp_live_}, then 49 random base62
 * characters (291 bits from {@link SecureRandom}, at least the 288 we promise), then a
 * 6-character base62 CRC32 of everything before it. A typo or a look-alike string fails
 * the checksum and costs no lookup. Only the key's SHA-256 is ever stored.
 */
public final class ApiKeySecret {

	public static final String PREFIX = "cp_live_";

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final int RANDOM_CHARACTERS = 49;

	private static final int CHECKSUM_CHARACTERS = 6;

	private static final int LENGTH = PREFIX.length() + RANDOM_CHARACTERS + CHECKSUM_CHARACTERS;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** One digest per thread: looking the algorithm up costs more than hashing a key. */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	});

	private ApiKeySecret() {
	}

	public static String generate() {
		StringBuilder key = new StringBuilder(LENGTH).append(PREFIX);
		for (int i = 0; i < RANDOM_CHARACTERS; i++) {
			key.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
		}
		return key.append(checksum(key.toString().getBytes(StandardCharsets.US_ASCII), key.length())).toString();
	}

	/**
	 * Whether a presented value can be a key at all: the prefix, the alphabet, the length
	 * and the checksum. Anything else needs no lookup.
	 */
	public static boolean isWellFormed(String presented) {
		if (presented == null || presented.length() != LENGTH || !presented.startsWith(PREFIX)) {
			return false;
		}
		for (int i = PREFIX.length(); i < LENGTH; i++) {
			if (!isBase62(presented.charAt(i))) {
				return false;
			}
		}
		byte[] ascii = presented.getBytes(StandardCharsets.US_ASCII);
		return presented.endsWith(checksum(ascii, LENGTH - CHECKSUM_CHARACTERS));
	}

	public static byte[] sha256(String secret) {
		return SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8));
	}

	/** What lists may show of a key: the prefix and four characters after it. */
	public static String displayPrefix(String secret) {
		return secret.substring(0, PREFIX.length() + 4);
	}

	public static String lastFour(String secret) {
		return secret.substring(secret.length() - 4);
	}

	/** The base62 CRC32 of the first {@code length} bytes. */
	private static String checksum(byte[] ascii, int length) {
		CRC32 crc = new CRC32();
		crc.update(ascii, 0, length);
		long value = crc.getValue();
		char[] digits = new char[CHECKSUM_CHARACTERS];
		for (int i = CHECKSUM_CHARACTERS - 1; i >= 0; i--) {
			digits[i] = BASE62.charAt((int) (value % BASE62.length()));
			value /= BASE62.length();
		}
		return new String(digits);
	}

	private static boolean isBase62(char c) {
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	}

}

package io.claimport.common.id;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Opaque public ids with a type prefix, like {@code prod_01JD7Z4R6X0T3N8M2W9QY5V1KC}: the
 * prefix names the resource, the rest is a ULID-style value (48 bits of milliseconds, 80
 * random bits, Crockford base32). Ids sort by creation time, which gives cursors a stable
 * order, and they reveal nothing about how many objects exist.
 */
public final class PublicIds {

	private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int LENGTH = 26;

	private PublicIds() {
	}

	public static String next(String prefix) {
		return next(prefix, Clock.systemUTC());
	}

	static String next(String prefix, Clock clock) {
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		long time = clock.millis();
		char[] out = new char[LENGTH];
		for (int i = 9; i >= 0; i--) {
			out[i] = CROCKFORD[(int) (time & 31)];
			time >>>= 5;
		}
		long high = 0;
		for (int i = 0; i < 5; i++) {
			high = (high << 8) | (random[i] & 0xFF);
		}
		long low = 0;
		for (int i = 5; i < 10; i++) {
			low = (low << 8) | (random[i] & 0xFF);
		}
		for (int i = 17; i >= 10; i--) {
			out[i] = CROCKFORD[(int) (high & 31)];
			high >>>= 5;
		}
		for (int i = 25; i >= 18; i--) {
			out[i] = CROCKFORD[(int) (low & 31)];
			low >>>= 5;
		}
		return prefix + "_" + new String(out);
	}

	/**
	 * Whether the value looks like an id of this prefix; anything else cannot name an
	 * object.
	 */
	public static boolean isWellFormed(String prefix, String value) {
		return value != null && value.length() == prefix.length() + 1 + LENGTH && value.startsWith(prefix + "_")
				&& value.substring(prefix.length() + 1).chars().allMatch((c) -> indexOf((char) c) >= 0);
	}

	private static int indexOf(char c) {
		for (int i = 0; i < CROCKFORD.length; i++) {
			if (CROCKFORD[i] == c) {
				return i;
			}
		}
		return -1;
	}

}

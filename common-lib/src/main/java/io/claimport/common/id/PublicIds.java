package io.claimport.common.id;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Opaque public ids with a type prefix, like {@code prod_01JD7Z4R6X0T3N8M2W9QY5V1KC}: the
 * prefix names the resource, the rest is a ULID-style value (48 bits of milliseconds, 80
 * random bits, Crockford base32). Ids sort by creation time, which gives cursors a stable
 * order, and they reveal nothing about how many objects exist. Within one millisecond the
 * random part counts up from the first id's (ULID's monotonic mode), so the items of one
 * bulk request sort in their order too.
 */
public final class PublicIds {

	private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int LENGTH = 26;

	private static final long FORTY_BITS = (1L << 40) - 1;

	private static long lastTime = -1;

	private static long lastHigh;

	private static long lastLow;

	private PublicIds() {
	}

	public static String next(String prefix) {
		return next(prefix, Clock.systemUTC());
	}

	static String next(String prefix, Clock clock) {
		long time;
		long high;
		long low;
		synchronized (PublicIds.class) {
			long now = clock.millis();
			if (now > lastTime) {
				byte[] random = new byte[10];
				RANDOM.nextBytes(random);
				lastTime = now;
				lastHigh = bits(random, 0);
				lastLow = bits(random, 5);
			}
			else {
				// the same millisecond (or a clock set back): one more than the last id
				lastLow = (lastLow + 1) & FORTY_BITS;
				if (lastLow == 0) {
					lastHigh = (lastHigh + 1) & FORTY_BITS;
					if (lastHigh == 0) {
						lastTime++;
					}
				}
			}
			time = lastTime;
			high = lastHigh;
			low = lastLow;
		}
		char[] out = new char[LENGTH];
		for (int i = 9; i >= 0; i--) {
			out[i] = CROCKFORD[(int) (time & 31)];
			time >>>= 5;
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

	private static long bits(byte[] random, int from) {
		long value = 0;
		for (int i = from; i < from + 5; i++) {
			value = (value << 8) | (random[i] & 0xFF);
		}
		return value;
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

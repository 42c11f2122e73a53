package io.claimport.claims.claim.domain;

import java.security.SecureRandom;

/**
 * Store credit codes: 20 characters of Crockford's base32 (no I, L, O or U to misread)
 * from {@link SecureRandom}, 100 random bits, in groups of four for reading aloud. Nobody
 * can guess one, and two never collide in practice (the database refuses a repeat
 * besides).
 */
public final class StoreCreditCodes {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private StoreCreditCodes() {
	}

	public static String next() {
		return groups(new StringBuilder(24), 5).toString();
	}

	/**
	 * A source order id for an offline claim, which has no order of ours: {@code OF-} and
	 * two groups of four (40 random bits; unique in the account, which the database
	 * checks).
	 */
	public static String offlineOrderId() {
		return groups(new StringBuilder("OF-"), 2).toString();
	}

	private static StringBuilder groups(StringBuilder code, int groups) {
		for (int group = 0; group < groups; group++) {
			if (group > 0) {
				code.append('-');
			}
			for (int i = 0; i < 4; i++) {
				code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
			}
		}
		return code;
	}

}

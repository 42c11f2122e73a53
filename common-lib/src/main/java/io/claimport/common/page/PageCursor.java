package io.claimport.common.page;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page ended, as the caller passes it back: the sort it was made for, the sort
 * attribute's value and the id of the last object, opaque to the caller (base64url).
 */
public record PageCursor(String sort, String value, String id) {

	private static final String VERSION = "c1";

	/**
	 * Longer than any cursor the API makes: a sort value of 200 characters in UTF-8 and
	 * base64.
	 */
	private static final int LONGEST = 2048;

	public String encode() {
		String plain = VERSION + '\n' + this.sort + '\n' + this.id + '\n' + this.value;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/** The cursor a caller passed, or empty when it is not one this API made. */
	public static Optional<PageCursor> decode(String token) {
		if (token == null || token.isEmpty() || token.length() > LONGEST) {
			return Optional.empty();
		}
		try {
			String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			String[] parts = plain.split("\n", 4);
			if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[2].isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new PageCursor(parts[1], parts[3], parts[2]));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}

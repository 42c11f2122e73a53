package io.claimport.service.web;

import io.claimport.common.problem.FieldViolation;

/**
 * Entity tags of versioned objects (claims, products, orders): the tag is the version,
 * which every change counts up; {@code If-Match} with it makes a change conditional.
 */
public final class VersionTags {

	private VersionTags() {
	}

	/** An object's entity tag: its version, quoted. */
	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version {@code If-Match} asks for: null for none or {@code *}; a weak tag never
	 * matches (RFC 9110 compares strongly), so it asks for a version no object has.
	 * @param what the object, for the refusal of a malformed tag ({@code claim})
	 */
	public static Long expectedVersion(String ifMatch, String what) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String tag = ifMatch.trim();
		if (tag.startsWith("W/")) {
			return -1L;
		}
		if (tag.length() > 2 && tag.length() < 21 && tag.startsWith("\"") && tag.endsWith("\"")
				&& tag.substring(1, tag.length() - 1).chars().allMatch(Character::isDigit)) {
			return Long.parseLong(tag.substring(1, tag.length() - 1));
		}
		throw new InvalidRequestException(new FieldViolation("If-Match", "etag",
				"If-Match must be the " + what + "'s ETag as the API sent it, such as \"3\""));
	}

}

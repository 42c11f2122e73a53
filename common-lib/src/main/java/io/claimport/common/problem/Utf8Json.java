package io.claimport.common.problem;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Checks that a JSON body is well-formed UTF-8 before it is parsed. Jackson decodes an
 * overlong sequence such as {@code C0 AF} into {@code /}, the classic way past a filter,
 * and so would store what the client never wrote as such. The violation names the value
 * that holds the bad bytes ({@code [0].name}), as far as the body can be read.
 */
public final class Utf8Json {

	public static final String RULE = "utf8";

	private Utf8Json() {
	}

	public static Optional<FieldViolation> malformed(byte[] body) {
		int offset = firstMalformedByte(body);
		if (offset < 0) {
			return Optional.empty();
		}
		String field = fieldAt(body, offset);
		return Optional.of(new FieldViolation(field, RULE,
				field + " is not valid UTF-8 (a malformed or overlong byte sequence at byte " + offset + ")"));
	}

	/** A JSON pointer ({@code /0/name}) as our answers name fields ({@code [0].name}). */
	public static String fromPointer(String pointer) {
		if (pointer.isEmpty()) {
			return "body";
		}
		StringBuilder path = new StringBuilder();
		for (String segment : pointer.substring(1).split("/", -1)) {
			String name = segment.replace("~1", "/").replace("~0", "~");
			if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
				path.append('[').append(name).append(']');
			}
			else {
				path.append(path.isEmpty() ? "" : ".").append(name);
			}
		}
		return path.toString();
	}

	/** The offset of the first byte that is not well-formed UTF-8, or -1. */
	private static int firstMalformedByte(byte[] body) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(body);
		CharBuffer out = CharBuffer.allocate(8192);
		while (true) {
			CoderResult result = in.hasRemaining() ? decoder.decode(in, out, true) : decoder.flush(out);
			if (result.isError()) {
				return in.position();
			}
			if (result.isOverflow()) {
				out.clear();
			}
			else if (!in.hasRemaining()) {
				return -1;
			}
		}
	}

	/**
	 * The JSON path of the value that holds the byte at {@code offset}, such as
	 * {@code [0].name}, or {@code body} when no value can be told.
	 */
	private static String fieldAt(byte[] body, int offset) {
		String before;
		String whole;
		try {
			before = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body, 0, offset)).toString();
			whole = new String(body, StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException ex) {
			return "body";
		}
		int charOffset = before.length();
		try (JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), whole)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				long start = parser.currentTokenLocation().getCharOffset();
				if (token.isScalarValue() || token == JsonToken.PROPERTY_NAME) {
					parser.finishToken();
				}
				long end = parser.currentLocation().getCharOffset();
				if (start <= charOffset && charOffset < end) {
					return fromPointer(parser.streamReadContext().pathAsPointer().toString());
				}
				if (start > charOffset) {
					break;
				}
			}
		}
		catch (RuntimeException ex) {
			// the body is not JSON either; the byte offset says enough
		}
		return "body";
	}

}

package io.claimport.common.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says which field of an unreadable JSON body is wrong and why: a field the body does not
 * have (with the one probably meant), a value of the wrong type (a fraction for a whole
 * number, text for a number), a key given twice.
 */
public final class UnreadableJson {

	private UnreadableJson() {
	}

	/** What is wrong with a body that could not be read, if Jackson's failure tells. */
	public static Optional<FieldViolation> violation(Throwable failure) {
		JacksonException jackson = null;
		for (Throwable cause = failure; cause != null && jackson == null; cause = cause.getCause()) {
			if (cause instanceof JacksonException found) {
				jackson = found;
			}
		}
		if (jackson == null) {
			return Optional.empty();
		}
		if (jackson instanceof UnrecognizedPropertyException unknown) {
			return Optional.of(unknownField(unknown));
		}
		if (jackson instanceof MismatchedInputException mismatch && !jackson.getPath().isEmpty()) {
			String field = path(jackson);
			String expected = expected(mismatch.getTargetType());
			return Optional.of(new FieldViolation(field, "type", field + " must be " + expected));
		}
		String message = String.valueOf(jackson.getOriginalMessage());
		if (jackson instanceof StreamReadException read && message.startsWith("Duplicate Object property")) {
			String field = duplicated(read);
			return Optional.of(new FieldViolation(field, "duplicateKey", field + " appears more than once"));
		}
		return Optional.empty();
	}

	/** The rule a field the body does not have breaks. */
	public static final String UNKNOWN_FIELD = "unknownField";

	private static final int LONGEST_NAME_SHOWN = 100;

	private static FieldViolation unknownField(UnrecognizedPropertyException ex) {
		String field = path(ex);
		String name = String.valueOf(ex.getPropertyName());
		if (field.length() > LONGEST_NAME_SHOWN) {
			field = field.substring(0, LONGEST_NAME_SHOWN) + "…";
			name = (name.length() > LONGEST_NAME_SHOWN) ? name.substring(0, LONGEST_NAME_SHOWN) + "…" : name;
		}
		List<String> known = (ex.getKnownPropertyIds() != null)
				? ex.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList() : List.of();
		StringBuilder message = new StringBuilder(field).append(" is not a field here");
		NearMiss.among(String.valueOf(ex.getPropertyName()), known)
			.ifPresent((meant) -> message.append("; did you mean '").append(meant).append("'?"));
		if (!known.isEmpty()) {
			message.append("; the fields are ").append(String.join(", ", known));
		}
		return new FieldViolation(field, UNKNOWN_FIELD, message.toString());
	}

	private static String duplicated(StreamReadException ex) {
		JsonParser parser = ex.processor();
		if (parser == null) {
			return "body";
		}
		return Utf8Json.fromPointer(parser.streamReadContext().pathAsPointer().toString());
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class || type == BigInteger.class) {
			return "a whole number";
		}
		if (type == BigDecimal.class || type == Double.class || type == double.class
				|| Number.class.isAssignableFrom(type)) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class || type.isEnum()) {
			return "a string";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "an object";
		}
		return "of another type";
	}

}

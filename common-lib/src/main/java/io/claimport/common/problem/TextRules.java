package io.claimport.common.problem;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What every text the API takes must be, whatever its field: free of NUL characters,
 * which PostgreSQL cannot store, and of unpaired UTF-16 surrogates (a JSON escape such as
 * {@code \ud800} on its own), which stand for no character and would be stored as
 * {@code ?}. Checked before anything reaches the database, so the answer is a 400 naming
 * the field, not a failed write.
 */
public final class TextRules {

	public static final String RULE = "text";

	private static final int MAX_DEPTH = 16;

	private TextRules() {
	}

	/** The reason a text breaks the rules, or null when it keeps them. */
	public static String problem(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return "must not contain the NUL character (\\u0000)";
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else {
					return "must not contain an unpaired surrogate (\\u" + Integer.toHexString(c) + ")";
				}
			}
			else if (Character.isLowSurrogate(c)) {
				return "must not contain an unpaired surrogate (\\u" + Integer.toHexString(c) + ")";
			}
		}
		return null;
	}

	/**
	 * Every text in a request body, its records, lists and maps included, that breaks the
	 * rules, named by its path from the body ({@code claimItems[0].itemId}).
	 */
	public static List<FieldViolation> violations(Object body) {
		List<FieldViolation> violations = new ArrayList<>();
		collect(body, "", violations, 0);
		return violations;
	}

	private static void collect(Object value, String path, List<FieldViolation> violations, int depth) {
		if (value == null || depth > MAX_DEPTH) {
			return;
		}
		if (value instanceof CharSequence text) {
			String problem = problem(text.toString());
			if (problem != null) {
				String field = path.isEmpty() ? "body" : path;
				violations.add(new FieldViolation(field, RULE, field + " " + problem));
			}
		}
		else if (value instanceof Collection<?> items) {
			int index = 0;
			for (Object item : items) {
				collect(item, path + "[" + index++ + "]", violations, depth + 1);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> {
				collect(key, path + "{key}", violations, depth + 1);
				collect(item, path + "[" + key + "]", violations, depth + 1);
			});
		}
		else if (value.getClass().isRecord()) {
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				collect(read(component, value), path.isEmpty() ? component.getName() : path + "." + component.getName(),
						violations, depth + 1);
			}
		}
	}

	private static Object read(RecordComponent component, Object record) {
		try {
			component.getAccessor().setAccessible(true);
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

}

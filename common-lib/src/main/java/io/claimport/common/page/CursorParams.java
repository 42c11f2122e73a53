package io.claimport.common.page;

import java.util.List;
import java.util.function.Function;

import io.claimport.common.problem.FieldViolation;

/**
 * Reads a list's cursor parameters: {@code first} and {@code after} page forwards,
 * {@code last} and {@code before} backwards (as in seed 001's claims list), 1 to
 * {@value #MAX_SIZE} objects, {@value #DEFAULT_SIZE} by default; a cursor must be one the
 * API made for the same sort.
 */
public final class CursorParams {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	private CursorParams() {
	}

	private static boolean readable(Function<String, ?> parse, String value) {
		try {
			parse.apply(value);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** Whether the request pages with cursors at all. */
	public static boolean given(String first, String after, String last, String before) {
		return first != null || after != null || last != null || before != null;
	}

	/**
	 * The page asked for, or the violations that make it unreadable, each naming its
	 * parameter.
	 */
	/**
	 * @param sort the list's sort as callers write it ({@code -createdAt}), which a
	 * cursor must have been made for
	 * @param parse reads a cursor's sort value, throwing if it cannot
	 */
	public static CursorPage read(String first, String after, String last, String before, String sort,
			Function<String, ?> parse, List<FieldViolation> violations) {
		boolean backwards = last != null || before != null;
		if (backwards && (first != null || after != null)) {
			violations.add(new FieldViolation("last", "exclusive",
					"page forwards with first and after, or backwards with last and before, not both"));
		}
		String sizeName = backwards ? "last" : "first";
		String sizeValue = backwards ? last : first;
		int size = DEFAULT_SIZE;
		if (sizeValue != null) {
			try {
				size = Integer.parseInt(sizeValue);
			}
			catch (NumberFormatException ex) {
				size = -1;
			}
			if (size < 1 || size > MAX_SIZE) {
				violations.add(new FieldViolation(sizeName, "range",
						sizeName + " must be a whole number from 1 to " + MAX_SIZE));
			}
		}
		String cursorName = backwards ? "before" : "after";
		String token = backwards ? before : after;
		PageCursor cursor = null;
		if (token != null) {
			cursor = PageCursor.decode(token).orElse(null);
			if (cursor == null) {
				violations.add(new FieldViolation(cursorName, "cursor",
						cursorName + " must be a cursor from a previous page's pageInfo"));
			}
			else if (!cursor.sort().equals(sort)) {
				violations.add(new FieldViolation(cursorName, "cursor", cursorName + " is a cursor of a list sorted by "
						+ cursor.sort() + "; ask with sort=" + cursor.sort() + " or start again without it"));
				cursor = null;
			}
			else if (!readable(parse, cursor.value())) {
				violations.add(new FieldViolation(cursorName, "cursor",
						cursorName + " must be a cursor from a previous page's pageInfo"));
				cursor = null;
			}
		}
		return new CursorPage(size, backwards, cursor);
	}

}

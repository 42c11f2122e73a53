package io.claimport.common.page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keyset paging of a list read with SQL: the rows beyond the cursor's (sort value, id) in
 * the sort's order, through the index on the sort column and the id, never an offset. The
 * caller adds {@link #beyond()} to its filter, orders by {@link #orderBy()}, reads
 * {@link #limit()} rows with {@link #params()}, asks whether any row lies behind the
 * cursor ({@link #behind()}), and turns the rows into a {@link Connection}.
 *
 * @param column the sort column
 * @param idColumn the column that breaks ties: unique, so that the order is total
 * @param ascending the list's order
 * @param value the cursor's sort value, as the column compares it (null without a cursor)
 */
public record KeysetSql(String column, String idColumn, boolean ascending, CursorPage page, Object value) {

	/** Whether the page is read upwards: an ascending list forwards, or backwards. */
	private boolean upwards() {
		return this.ascending != this.page.backwards();
	}

	/**
	 * A condition on the rows past the cursor in reading order ({@code true} without).
	 */
	public String beyond() {
		if (this.page.cursor() == null) {
			return "true";
		}
		return "(" + this.column + ", " + this.idColumn + ") " + (upwards() ? ">" : "<") + " (:keysetValue, :keysetId)";
	}

	/** A condition on the rows at or behind the cursor: the other side's page. */
	public String behind() {
		if (this.page.cursor() == null) {
			return "false";
		}
		return "(" + this.column + ", " + this.idColumn + ") " + (upwards() ? "<=" : ">=")
				+ " (:keysetValue, :keysetId)";
	}

	public String orderBy() {
		String direction = upwards() ? " ASC" : " DESC";
		return this.column + direction + ", " + this.idColumn + direction;
	}

	/** One row more than the page, to tell whether more follow. */
	public int limit() {
		return this.page.size() + 1;
	}

	public Map<String, Object> params() {
		Map<String, Object> params = new HashMap<>();
		if (this.page.cursor() != null) {
			params.put("keysetValue", this.value);
			params.put("keysetId", this.page.cursor().id());
		}
		return params;
	}

	/**
	 * The page of the rows read (at most {@link #limit()}, in {@link #orderBy()}'s
	 * order), in the list's order.
	 * @param behind whether rows lie behind the cursor
	 * @param sort the list's sort as callers write it, which its cursors name
	 * @param valueOf a row's sort value as a cursor keeps it
	 * @param idOf a row's id
	 */
	public <T> Connection<T> connection(List<T> fetched, boolean behind, String sort, Function<T, String> valueOf,
			Function<T, String> idOf) {
		boolean more = fetched.size() > this.page.size();
		List<T> nodes = new ArrayList<>(fetched.subList(0, Math.min(this.page.size(), fetched.size())));
		if (this.page.backwards()) {
			Collections.reverse(nodes);
		}
		Function<T, String> cursorOf = (node) -> new PageCursor(sort, valueOf.apply(node), idOf.apply(node)).encode();
		return this.page.backwards() ? Connection.of(nodes, behind, more, cursorOf)
				: Connection.of(nodes, more, behind, cursorOf);
	}

}

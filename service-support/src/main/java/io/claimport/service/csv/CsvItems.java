package io.claimport.service.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.claimport.service.bulk.BulkResult;
import io.claimport.service.bulk.ItemError;

/**
 * The items a CSV file holds, in file order, ready for the same checks as a JSON bulk
 * request, and where each came from, so that the report names rows, not indexes.
 *
 * @param items the items; null where a row could not become one (see {@code refused})
 * @param refused why those rows could not, by item index
 * @param rows each item's rows: the row it begins at, then, for an item made of several
 * rows (an order and its lines), the row of each of its lines
 */
public record CsvItems<T>(List<T> items, List<ItemError> refused, List<List<Integer>> rows) {

	private static final Pattern LINE = Pattern.compile("^lineItems\\[(\\d+)]");

	/** Which row an item's field came from: a line's own row for a line's field. */
	public BulkResult.RowNumbers rowNumbers() {
		return (index, field) -> {
			List<Integer> itemRows = this.rows.get(index);
			Matcher line = (field != null) ? LINE.matcher(field) : null;
			if (line != null && line.find()) {
				int position = Integer.parseInt(line.group(1));
				if (position + 1 < itemRows.size()) {
					return itemRows.get(position + 1);
				}
			}
			return itemRows.get(0);
		};
	}

	/** Collects items row by row. */
	public static final class Builder<T> {

		private final List<T> items = new ArrayList<>();

		private final List<ItemError> refused = new ArrayList<>();

		private final List<List<Integer>> rows = new ArrayList<>();

		/** An item made of one row. */
		public void add(T item, int row) {
			add(item, List.of(row));
		}

		/** An item made of rows: the first, then one per line. */
		public void add(T item, List<Integer> itemRows) {
			this.items.add(item);
			this.rows.add(List.copyOf(itemRows));
		}

		/** An item its rows could not make, with why (fields as in a JSON item). */
		public void refuse(List<Integer> itemRows, List<CsvError> errors) {
			int index = this.items.size();
			this.items.add(null);
			this.rows.add(List.copyOf(itemRows));
			errors.forEach(
					(error) -> this.refused.add(new ItemError(index, error.field(), error.rule(), error.message())));
		}

		public CsvItems<T> build() {
			return new CsvItems<>(this.items, List.copyOf(this.refused), List.copyOf(this.rows));
		}

	}

	/**
	 * Why a cell cannot be read: its field and the rule, with a message naming its row.
	 */
	public record CsvError(String field, String rule, String message) {

	}

}

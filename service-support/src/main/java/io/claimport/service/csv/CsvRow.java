package io.claimport.service.csv;

import java.util.Map;

/**
 * One row of a CSV file after its header.
 *
 * @param number the row as a spreadsheet numbers it: the header is row 1, so the first
 * item is row 2
 * @param values each cell, by its header's {@link CsvColumn#key(String) key}
 * @param headers each header as the file wrote it, by its key
 */
public record CsvRow(int number, Map<String, String> values, Map<String, String> headers) {

	/**
	 * The cell of the column, under the first of its names the file has, or null when the
	 * file has none of them or the cell is blank; trimmed.
	 */
	public String get(CsvColumn column) {
		for (String key : column.keys()) {
			String value = this.values.get(key);
			if (value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		return null;
	}

	/** The header under which the file gives the column (its own name if none). */
	public String header(CsvColumn column) {
		for (String key : column.keys()) {
			if (this.values.containsKey(key)) {
				return this.headers.get(key);
			}
		}
		return column.name();
	}

}

package io.claimport.service.csv;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads typed cells of a row, collecting what cannot be read as the item's errors, each
 * naming the row and the column as the file wrote it.
 */
public final class CsvCells {

	private static final List<DateTimeFormatter> TIMES = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
			DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z"),
			DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX"));

	private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
			DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));

	private final CsvRow row;

	private final List<CsvItems.CsvError> errors;

	/**
	 * @param errors where the cells that cannot be read are noted
	 */
	public CsvCells(CsvRow row, List<CsvItems.CsvError> errors) {
		this.row = row;
		this.errors = errors;
	}

	public String text(CsvColumn column) {
		return this.row.get(column);
	}

	/**
	 * A decimal number ({@code 149.99}; a currency sign or thousands separator is not).
	 */
	public BigDecimal decimal(CsvColumn column, String field) {
		String value = this.row.get(column);
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			refuse(column, field, "number", "must be a number such as 149.99", value);
			return null;
		}
	}

	public Integer whole(CsvColumn column, String field) {
		String value = this.row.get(column);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			refuse(column, field, "integer", "must be a whole number", value);
			return null;
		}
	}

	/**
	 * A point in time: ISO 8601 with an offset, Shopify's {@code 2024-03-01 10:15:00
	 * -0500}, or a local time such as WooCommerce's {@code 2024-03-01 10:15}, read as
	 * UTC.
	 */
	public Instant time(CsvColumn column, String field) {
		String value = this.row.get(column);
		if (value == null) {
			return null;
		}
		for (DateTimeFormatter format : TIMES) {
			try {
				return OffsetDateTime.parse(value, format).toInstant();
			}
			catch (DateTimeParseException ex) {
				// the next format
			}
		}
		for (DateTimeFormatter format : LOCAL_TIMES) {
			try {
				return LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				// the next format
			}
		}
		refuse(column, field, "time", "must be a time such as 2024-03-01T10:15:00Z or 2024-03-01 10:15:00 -0500",
				value);
		return null;
	}

	/** Notes a cell that cannot be read. */
	public void refuse(CsvColumn column, String field, String rule, String what, String value) {
		this.errors.add(new CsvItems.CsvError(field, rule,
				"row " + this.row.number() + ", column " + this.row.header(column) + ": \"" + value + "\" " + what));
	}

	public CsvRow row() {
		return this.row;
	}

}

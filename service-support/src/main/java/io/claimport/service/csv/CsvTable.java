package io.claimport.service.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimport.common.problem.FieldViolation;
import io.claimport.service.web.InvalidRequestException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A CSV bulk request (RFC 4180, UTF-8, a byte order mark allowed): a header row naming
 * the columns, then one row per item; blank lines are skipped. A file that cannot be read
 * as such is refused as a whole, naming the row and the column where reading stopped.
 */
public final class CsvTable {

	/** The media type of a CSV request. */
	public static final String MEDIA_TYPE = "text/csv";

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
		.setAllowMissingColumnNames(false)
		.get();

	private final List<String> headers;

	private final List<CsvRow> rows;

	private CsvTable(List<String> headers, List<CsvRow> rows) {
		this.headers = headers;
		this.rows = rows;
	}

	/**
	 * Reads a file.
	 * @throws InvalidRequestException if it is not UTF-8, has no header, a header twice
	 * or blank, an unterminated quote, or a row with more cells than the header has
	 * columns
	 */
	public static CsvTable read(byte[] body) {
		String text = decode(body);
		if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1);
		}
		List<String> headers;
		List<CsvRow> rows = new ArrayList<>();
		int row = 1;
		try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
			headers = parser.getHeaderNames();
			if (headers.isEmpty()) {
				throw malformed("header", "row 1 must name the columns (a header row)");
			}
			Map<String, String> headerByKey = new HashMap<>();
			for (String header : headers) {
				if (headerByKey.putIfAbsent(CsvColumn.key(header), header) != null) {
					throw malformed(header, "row 1 names the column " + header + " twice");
				}
			}
			for (CSVRecord record : parser) {
				row++;
				if (record.size() > headers.size()) {
					throw malformed("column " + (headers.size() + 1), "row " + row + " has " + record.size()
							+ " cells, but the header names " + headers.size() + " columns");
				}
				Map<String, String> values = new HashMap<>();
				for (int i = 0; i < record.size(); i++) {
					values.put(CsvColumn.key(headers.get(i)), record.get(i));
				}
				rows.add(new CsvRow(row, values, headerByKey));
			}
		}
		catch (IllegalArgumentException ex) {
			// a blank or repeated header name
			throw malformed("header", "row 1: " + ex.getMessage());
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			// an unterminated quote, or text after a closing quote
			int[] where = badQuote(text);
			String column = (where[1] <= headers(text).size()) ? headers(text).get(where[1] - 1) : "column " + where[1];
			throw malformed(column,
					"row " + where[0] + ", column " + column + ": a quoted cell must end with a quote before the next"
							+ " comma or line end (" + rootMessage(ex) + ")");
		}
		return new CsvTable(List.copyOf(headers), Collections.unmodifiableList(rows));
	}

	/**
	 * Where the first quoted cell that is never closed, or has text after its closing
	 * quote, begins: its row (the header is row 1) and column (from 1).
	 */
	static int[] badQuote(String text) {
		int row = 1;
		int column = 1;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"') {
				int start = row;
				int startColumn = column;
				i++;
				boolean closed = false;
				while (i < text.length() && !closed) {
					if (text.charAt(i) == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
						i += 2;
					}
					else if (text.charAt(i) == '"') {
						closed = true;
						i++;
					}
					else {
						i++;
					}
				}
				boolean ends = i >= text.length() || text.charAt(i) == ',' || text.charAt(i) == '\r'
						|| text.charAt(i) == '\n';
				if (!closed || !ends) {
					return new int[] { start, startColumn };
				}
				continue;
			}
			if (c == ',') {
				column++;
			}
			else if (c == '\n') {
				row++;
				column = 1;
			}
			i++;
		}
		return new int[] { row, column };
	}

	/** The header row's names, however malformed the rest. */
	private static List<String> headers(String text) {
		int end = text.indexOf('\n');
		String first = ((end < 0) ? text : text.substring(0, end)).strip();
		return List.of(first.split(",", -1));
	}

	private static String decode(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw malformed("body", "a CSV request must be UTF-8 (save the export as CSV UTF-8)");
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

	private static InvalidRequestException malformed(String field, String message) {
		return new InvalidRequestException(new FieldViolation(field, "csv", message));
	}

	public List<String> headers() {
		return this.headers;
	}

	public List<CsvRow> rows() {
		return this.rows;
	}

	/**
	 * Checks that the file has each column, under one of its names.
	 * @throws InvalidRequestException naming every column it lacks
	 */
	public void require(CsvColumn... columns) {
		List<String> keys = this.headers.stream().map(CsvColumn::key).toList();
		List<FieldViolation> missing = new ArrayList<>();
		for (CsvColumn column : columns) {
			if (column.keys().stream().noneMatch(keys::contains)) {
				missing.add(new FieldViolation(column.name(), "csvColumn", "the header has no column " + column.name()
						+ (column.aliases().isEmpty() ? "" : " (nor " + String.join(", ", column.aliases()) + ")")));
			}
		}
		if (!missing.isEmpty()) {
			throw new InvalidRequestException(missing);
		}
	}

}

package io.claimport.service.csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A CSV download (RFC 4180, UTF-8, CRLF): a header row, then the rows; a null cell is
 * empty. A text cell that a spreadsheet would run as a formula (it begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) is written with a leading
 * apostrophe, as OWASP advises against CSV injection: integrators' SKUs and names travel
 * into analysts' spreadsheets.
 */
public final class CsvExport {

	public static final MediaType MEDIA_TYPE = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private CsvExport() {
	}

	public static String write(List<String> headers, List<List<Object>> rows) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
			printer.printRecord(headers);
			for (List<Object> row : rows) {
				printer.printRecord(row.stream().map(CsvExport::cell).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/** The answer downloading {@code body} as a file named {@code filename}. */
	public static ResponseEntity<String> download(String filename, String body) {
		return ResponseEntity.ok()
			.contentType(MEDIA_TYPE)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

	private static Object cell(Object value) {
		if (value instanceof CharSequence text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return value;
	}

}

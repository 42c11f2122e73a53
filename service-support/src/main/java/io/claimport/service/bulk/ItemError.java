package io.claimport.service.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why one item of a bulk request was not created; index counts from 0 in the request
 * array, and for a CSV request {@code row} is the spreadsheet row the field came from
 * (the header is row 1).
 */
public record ItemError(int index, String field, String rule, String message,
		@JsonInclude(JsonInclude.Include.NON_NULL) Integer row) {

	public ItemError(int index, String field, String rule, String message) {
		this(index, field, rule, message, null);
	}

	/** The same error, numbered with its CSV row. */
	public ItemError atRow(int csvRow) {
		return new ItemError(this.index, this.field, this.rule, this.message, csvRow);
	}

}

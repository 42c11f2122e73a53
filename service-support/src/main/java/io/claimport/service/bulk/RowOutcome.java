package io.claimport.service.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an upsert did with one item that did not fail: created a new object, updated the
 * one with the same natural key (a product's SKU, an order's number), or found it already
 * as the item says.
 *
 * @param index the item's position in the request
 * @param id the object's id
 * @param row for a CSV request, the spreadsheet row the item began at (the header is row
 * 1)
 */
public record RowOutcome(int index, String id, Outcome outcome,
		@JsonInclude(JsonInclude.Include.NON_NULL) Integer row) {

	public RowOutcome(int index, String id, Outcome outcome) {
		this(index, id, outcome, null);
	}

	/** The same outcome, numbered with the CSV row its item began at. */
	public RowOutcome atRow(int csvRow) {
		return new RowOutcome(this.index, this.id, this.outcome, csvRow);
	}

	public enum Outcome {

		CREATED, UPDATED, UNCHANGED;

		@JsonValue
		String json() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}

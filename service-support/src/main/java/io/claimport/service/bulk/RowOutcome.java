package io.claimport.service.bulk;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an upsert did with one item that did not fail: created a new object, updated the
 * one with the same natural key (a product's SKU, an order's number), or found it already
 * as the item says.
 *
 * @param index the item's position in the request
 * @param id the object's id
 */
public record RowOutcome(int index, String id, Outcome outcome) {

	public enum Outcome {

		CREATED, UPDATED, UNCHANGED;

		@JsonValue
		String json() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}

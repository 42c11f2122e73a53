package io.claimport.service.bulk;

import java.util.Locale;

import io.claimport.common.problem.FieldViolation;
import io.claimport.service.web.InvalidRequestException;

/**
 * What a bulk POST ({@code ?mode=}) does with an item whose natural key (a product's SKU,
 * an order's number) the account already has.
 */
public enum BulkMode {

	/** Refuses it: the key names one object. */
	CREATE,

	/** Makes that object what the item says, reporting per row what it did. */
	UPSERT;

	/** The mode a request names, any case; 400 naming {@code mode} for another. */
	public static BulkMode of(String mode) {
		for (BulkMode known : values()) {
			if (known.name().equalsIgnoreCase(mode)) {
				return known;
			}
		}
		String shown = (mode.length() > 40) ? mode.substring(0, 40) + "…" : mode;
		throw new InvalidRequestException(
				new FieldViolation("mode", "oneOf", "mode must be " + CREATE.name().toLowerCase(Locale.ROOT) + " or "
						+ UPSERT.name().toLowerCase(Locale.ROOT) + ", not '" + shown + "'"));
	}

}

package io.claimport.service.csv;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One field a CSV import reads, under its own name or any of the names a store's export
 * gives it ({@code Regular price} in WooCommerce, {@code Variant Price} in Shopify).
 * Names match whatever their case, spaces, underscores and punctuation: {@code sku},
 * {@code SKU} and {@code Variant SKU} are three names, {@code warranty_months} and
 * {@code warrantyMonths} one.
 *
 * @param name the field's own name, which errors and the report use
 * @param aliases the other names, most specific first
 */
public record CsvColumn(String name, List<String> aliases) {

	public CsvColumn(String name, String... aliases) {
		this(name, List.of(aliases));
	}

	/** The names this column answers to, in the order they are looked up. */
	List<String> keys() {
		return Stream.concat(Stream.of(this.name), this.aliases.stream()).map(CsvColumn::key).toList();
	}

	/** A header name as it is matched: lower case letters and digits only. */
	static String key(String header) {
		return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
	}

}

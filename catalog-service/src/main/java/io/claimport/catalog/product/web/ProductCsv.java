package io.claimport.catalog.product.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.claimport.service.csv.CsvCells;
import io.claimport.service.csv.CsvColumn;
import io.claimport.service.csv.CsvItems;
import io.claimport.service.csv.CsvRow;
import io.claimport.service.csv.CsvTable;

/**
 * Products from a CSV file: ClaimPort's own columns ({@code name}, {@code sku},
 * {@code category}, {@code price}, {@code warrantyMonths}) or those of a WooCommerce or
 * Shopify product export, which map as the README's table says. Other columns are left
 * alone: an export has dozens. In a Shopify export a product's variants follow it on rows
 * of the same {@code Handle} that leave the title and category blank, and its extra
 * images on rows without a SKU or a price: variants take the product's title and
 * category, image rows are not items.
 */
final class ProductCsv {

	static final CsvColumn NAME = new CsvColumn("name", "Title");

	static final CsvColumn SKU = new CsvColumn("sku", "Variant SKU");

	static final CsvColumn CATEGORY = new CsvColumn("category", "Categories", "Product Category", "Type");

	static final CsvColumn PRICE = new CsvColumn("price", "Regular price", "Variant Price");

	static final CsvColumn WARRANTY_MONTHS = new CsvColumn("warrantyMonths", "Meta: warranty_months");

	private static final CsvColumn HANDLE = new CsvColumn("Handle");

	private ProductCsv() {
	}

	/**
	 * @param defaultWarrantyMonths the warranty of a product whose row gives none (store
	 * exports have no such column); null: each row must give it
	 */
	static CsvItems<ProductRequest> read(CsvTable table, Integer defaultWarrantyMonths) {
		table.require(NAME, SKU, CATEGORY, PRICE);
		if (defaultWarrantyMonths == null) {
			table.require(WARRANTY_MONTHS);
		}
		CsvItems.Builder<ProductRequest> items = new CsvItems.Builder<>();
		String handle = null;
		String handleName = null;
		String handleCategory = null;
		for (CsvRow row : table.rows()) {
			List<CsvItems.CsvError> errors = new ArrayList<>();
			CsvCells cells = new CsvCells(row, errors);
			String name = cells.text(NAME);
			String category = firstCategory(cells.text(CATEGORY));
			String rowHandle = cells.text(HANDLE);
			if (rowHandle != null && rowHandle.equals(handle)) {
				if (cells.text(SKU) == null && cells.text(PRICE) == null) {
					continue;
				}
				name = (name != null) ? name : handleName;
				category = (category != null) ? category : handleCategory;
			}
			else if (rowHandle != null) {
				handle = rowHandle;
				handleName = name;
				handleCategory = category;
			}
			BigDecimal price = cells.decimal(PRICE, "price");
			Integer warranty = cells.whole(WARRANTY_MONTHS, "warrantyMonths");
			if (!errors.isEmpty()) {
				items.refuse(List.of(row.number()), errors);
				continue;
			}
			items.add(new ProductRequest(name, cells.text(SKU), category, price,
					(warranty != null) ? warranty : defaultWarrantyMonths), row.number());
		}
		return items.build();
	}

	/**
	 * WooCommerce lists a product's categories separated by commas, each a path
	 * ({@code Electronics > Audio, Gifts}): a product here has one, the first.
	 */
	private static String firstCategory(String categories) {
		if (categories == null) {
			return null;
		}
		int comma = categories.indexOf(',');
		return ((comma < 0) ? categories : categories.substring(0, comma)).strip();
	}

}

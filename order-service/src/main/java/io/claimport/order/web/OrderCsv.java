package io.claimport.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.claimport.service.csv.CsvCells;
import io.claimport.service.csv.CsvColumn;
import io.claimport.service.csv.CsvItems;
import io.claimport.service.csv.CsvRow;
import io.claimport.service.csv.CsvTable;

/**
 * Orders from a CSV file, one row per line item: consecutive rows with the same order
 * number are the lines of one order, whose own fields (customer, status, time, address)
 * come from its first row, as in a Shopify or WooCommerce order export. ClaimPort's own
 * columns or the stores' map as the README's table says; other columns are left alone.
 * Store statuses map to the life cycle's: WooCommerce's {@code pending} and
 * {@code on-hold} are PENDING, {@code processing} PROCESSING, {@code completed}
 * DELIVERED, {@code cancelled} and {@code failed} CANCELLED, {@code refunded} REFUNDED;
 * Shopify's {@code Financial Status} {@code refunded} is REFUNDED and {@code voided}
 * CANCELLED, else its {@code Fulfillment Status} {@code fulfilled} is SHIPPED and any
 * other PROCESSING.
 */
final class OrderCsv {

	static final CsvColumn ORDER_NUMBER = new CsvColumn("orderNumber", "Name", "Order Number");

	static final CsvColumn STATUS = new CsvColumn("status", "Order Status");

	static final CsvColumn EMAIL = new CsvColumn("customerEmail", "Email", "Billing Email");

	static final CsvColumn CUSTOMER_NAME = new CsvColumn("customerName", "Billing Name");

	static final CsvColumn CURRENCY = new CsvColumn("currency", "Order Currency");

	static final CsvColumn ORDERED_AT = new CsvColumn("orderedAt", "Created at", "Order Date");

	static final CsvColumn SKU = new CsvColumn("sku", "Lineitem sku", "Item SKU");

	static final CsvColumn LINE_NAME = new CsvColumn("lineItemName", "Lineitem name", "Item Name");

	static final CsvColumn QUANTITY = new CsvColumn("quantity", "Lineitem quantity");

	static final CsvColumn PRICE = new CsvColumn("price", "Lineitem price", "Item Cost");

	static final CsvColumn SOURCE_ITEM_ID = new CsvColumn("sourceItemId", "Lineitem id", "Item ID");

	static final CsvColumn SHIP_NAME = new CsvColumn("shippingName", "Shipping Name");

	static final CsvColumn SHIP_LINE1 = new CsvColumn("shippingLine1", "Shipping Address1", "Shipping Address 1");

	static final CsvColumn SHIP_LINE2 = new CsvColumn("shippingLine2", "Shipping Address2", "Shipping Address 2");

	static final CsvColumn SHIP_CITY = new CsvColumn("shippingCity", "Shipping City");

	static final CsvColumn SHIP_REGION = new CsvColumn("shippingRegion", "Shipping Province", "Shipping State");

	static final CsvColumn SHIP_POSTAL_CODE = new CsvColumn("shippingPostalCode", "Shipping Zip", "Shipping Postcode");

	static final CsvColumn SHIP_COUNTRY = new CsvColumn("shippingCountry", "Shipping Country");

	private static final CsvColumn FIRST_NAME = new CsvColumn("Billing First Name");

	private static final CsvColumn LAST_NAME = new CsvColumn("Billing Last Name");

	private static final CsvColumn SHIP_FIRST_NAME = new CsvColumn("Shipping First Name");

	private static final CsvColumn SHIP_LAST_NAME = new CsvColumn("Shipping Last Name");

	private static final CsvColumn FINANCIAL_STATUS = new CsvColumn("Financial Status");

	private static final CsvColumn FULFILLMENT_STATUS = new CsvColumn("Fulfillment Status");

	private static final Map<String, String> STORE_STATUSES = Map.ofEntries(Map.entry("pending", "PENDING"),
			Map.entry("on-hold", "PENDING"), Map.entry("processing", "PROCESSING"), Map.entry("shipped", "SHIPPED"),
			Map.entry("completed", "DELIVERED"), Map.entry("delivered", "DELIVERED"),
			Map.entry("cancelled", "CANCELLED"), Map.entry("failed", "CANCELLED"), Map.entry("refunded", "REFUNDED"));

	private OrderCsv() {
	}

	static CsvItems<OrderRequest> read(CsvTable table) {
		table.require(EMAIL, SKU, QUANTITY, PRICE);
		CsvItems.Builder<OrderRequest> items = new CsvItems.Builder<>();
		List<CsvRow> group = new ArrayList<>();
		for (CsvRow row : table.rows()) {
			String number = row.get(ORDER_NUMBER);
			if (!group.isEmpty() && (number == null || !number.equals(group.get(0).get(ORDER_NUMBER)))) {
				add(group, items);
				group = new ArrayList<>();
			}
			group.add(row);
		}
		if (!group.isEmpty()) {
			add(group, items);
		}
		return items.build();
	}

	/** One order: its first row's fields and every row's line. */
	private static void add(List<CsvRow> rows, CsvItems.Builder<OrderRequest> items) {
		List<Integer> numbers = new ArrayList<>();
		numbers.add(rows.get(0).number());
		rows.forEach((row) -> numbers.add(row.number()));
		List<CsvItems.CsvError> errors = new ArrayList<>();
		List<OrderRequest.LineItemRequest> lines = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			CsvCells cells = new CsvCells(rows.get(i), errors);
			String at = "lineItems[" + i + "].";
			Integer quantity = cells.whole(QUANTITY, at + "quantity");
			BigDecimal price = cells.decimal(PRICE, at + "price");
			lines.add(new OrderRequest.LineItemRequest(cells.text(SOURCE_ITEM_ID), cells.text(SKU),
					cells.text(LINE_NAME), quantity, price));
		}
		CsvCells order = new CsvCells(rows.get(0), errors);
		Instant orderedAt = order.time(ORDERED_AT, "orderedAt");
		if (!errors.isEmpty()) {
			items.refuse(numbers, errors);
			return;
		}
		items.add(new OrderRequest(order.text(ORDER_NUMBER), status(order),
				new OrderRequest.Customer(order.text(EMAIL), customerName(order)), order.text(CURRENCY), lines,
				orderedAt, address(order)), numbers);
	}

	private static String customerName(CsvCells order) {
		String name = order.text(CUSTOMER_NAME);
		return (name != null) ? name : joined(order.text(FIRST_NAME), order.text(LAST_NAME));
	}

	private static String status(CsvCells order) {
		String given = order.text(STATUS);
		if (given != null) {
			String store = given.toLowerCase(Locale.ROOT).replaceFirst("^wc-", "");
			return STORE_STATUSES.getOrDefault(store, given.toUpperCase(Locale.ROOT));
		}
		String financial = order.text(FINANCIAL_STATUS);
		if ("refunded".equalsIgnoreCase(financial)) {
			return "REFUNDED";
		}
		if ("voided".equalsIgnoreCase(financial)) {
			return "CANCELLED";
		}
		String fulfillment = order.text(FULFILLMENT_STATUS);
		if (fulfillment != null) {
			return "fulfilled".equalsIgnoreCase(fulfillment) ? "SHIPPED" : "PROCESSING";
		}
		return null;
	}

	/** The shipping address, if the row gives any part of it. */
	private static AddressRequest address(CsvCells order) {
		String name = order.text(SHIP_NAME);
		name = (name != null) ? name : joined(order.text(SHIP_FIRST_NAME), order.text(SHIP_LAST_NAME));
		String country = order.text(SHIP_COUNTRY);
		List<String> parts = Stream
			.of(order.text(SHIP_LINE1), order.text(SHIP_LINE2), order.text(SHIP_CITY), order.text(SHIP_REGION),
					order.text(SHIP_POSTAL_CODE), country)
			.toList();
		if (parts.stream().allMatch((part) -> part == null)) {
			return null;
		}
		return new AddressRequest(name, parts.get(0), parts.get(1), parts.get(2), parts.get(3), parts.get(4),
				(country != null) ? country.toUpperCase(Locale.ROOT) : null);
	}

	private static String joined(String first, String last) {
		String name = Stream.of(first, last).filter((part) -> part != null).reduce((a, b) -> a + " " + b).orElse(null);
		return name;
	}

}

package io.claimport.claims.purchase.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimport.claims.purchase.KnownOrder;
import io.claimport.claims.purchase.KnownProduct;
import io.claimport.common.event.OrderCreated;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The projections of orders and products, in the claims service's database. */
@Repository
public class PurchaseStore {

	private final JdbcClient jdbc;

	PurchaseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void putOrder(String accountId, String orderId, Instant purchasedAt, List<OrderCreated.Line> lines) {
		this.jdbc.sql("""
				INSERT INTO known_order (account_id, order_id, purchased_at, lines_known)
				VALUES (:account, :order, :purchasedAt, :linesKnown)
				ON CONFLICT (account_id, order_id) DO NOTHING
				""")
			.param("account", accountId)
			.param("order", orderId)
			.param("purchasedAt", Timestamp.from(purchasedAt))
			.param("linesKnown", lines != null)
			.update();
		if (lines != null) {
			putLines(accountId, orderId, lines);
		}
	}

	/**
	 * An order as it is now: its purchase time and its lines replace what was known (a
	 * claim already filed keeps what it claimed; later claims are checked against the new
	 * lines).
	 */
	void replaceOrder(String accountId, String orderId, Instant purchasedAt, List<OrderCreated.Line> lines) {
		this.jdbc.sql("""
				INSERT INTO known_order (account_id, order_id, purchased_at, lines_known)
				VALUES (:account, :order, :purchasedAt, true)
				ON CONFLICT (account_id, order_id) DO UPDATE
				    SET purchased_at = excluded.purchased_at, lines_known = true
				""")
			.param("account", accountId)
			.param("order", orderId)
			.param("purchasedAt", Timestamp.from(purchasedAt))
			.update();
		this.jdbc.sql("DELETE FROM known_order_line WHERE account_id = :account AND order_id = :order")
			.param("account", accountId)
			.param("order", orderId)
			.update();
		putLines(accountId, orderId, lines);
	}

	private void putLines(String accountId, String orderId, List<OrderCreated.Line> lines) {
		for (OrderCreated.Line line : lines) {
			this.jdbc.sql("""
					INSERT INTO known_order_line (account_id, order_id, line_id, source_item_id, sku, quantity)
					VALUES (:account, :order, :line, :source, :sku, :quantity)
					ON CONFLICT (account_id, order_id, (coalesce(line_id, sku))) DO NOTHING
					""")
				.param("account", accountId)
				.param("order", orderId)
				.param("line", line.id())
				.param("source", line.sourceItemId())
				.param("sku", line.sku())
				.param("quantity", line.quantity())
				.update();
		}
	}

	void putProduct(String accountId, String sku, String productId, int warrantyMonths) {
		this.jdbc.sql("""
				INSERT INTO known_product (account_id, sku, product_id, warranty_months)
				VALUES (:account, :sku, :product, :months)
				ON CONFLICT (account_id, sku) DO UPDATE
				    SET product_id = excluded.product_id, warranty_months = excluded.warranty_months
				""")
			.param("account", accountId)
			.param("sku", sku)
			.param("product", productId)
			.param("months", warrantyMonths)
			.update();
	}

	public Map<String, KnownOrder> lockOrders(String accountId, Collection<String> orderIds) {
		Map<String, KnownOrder> orders = new HashMap<>();
		if (orderIds.isEmpty()) {
			return orders;
		}
		this.jdbc.sql("""
				SELECT order_id, purchased_at, lines_known FROM known_order
				WHERE account_id = :account AND order_id IN (:orders)
				ORDER BY order_id
				FOR UPDATE
				""")
			.param("account", accountId)
			.param("orders", orderIds)
			.query((rs, row) -> new KnownOrder(rs.getString("order_id"), rs.getTimestamp("purchased_at").toInstant(),
					rs.getBoolean("lines_known") ? new ArrayList<>() : null))
			.list()
			.forEach((order) -> orders.put(order.orderId(), order));
		this.jdbc.sql("""
				SELECT order_id, line_id, source_item_id, sku, quantity FROM known_order_line
				WHERE account_id = :account AND order_id IN (:orders)
				ORDER BY order_id, coalesce(line_id, sku)
				""").param("account", accountId).param("orders", orderIds).query((rs, row) -> {
			KnownOrder order = orders.get(rs.getString("order_id"));
			if (order != null && order.linesKnown()) {
				order.lines()
					.add(new KnownOrder.Line(rs.getString("line_id"), rs.getString("source_item_id"),
							rs.getString("sku"), rs.getInt("quantity")));
			}
			return null;
		}).list();
		return orders;
	}

	public boolean knowsOrder(String accountId, String orderId) {
		return this.jdbc.sql("SELECT count(*) FROM known_order WHERE account_id = :account AND order_id = :order")
			.param("account", accountId)
			.param("order", orderId)
			.query(Long.class)
			.single() > 0;
	}

	public Map<String, KnownProduct> products(String accountId, Collection<String> skus) {
		Map<String, KnownProduct> products = new HashMap<>();
		if (skus.isEmpty()) {
			return products;
		}
		this.jdbc.sql("SELECT sku, warranty_months FROM known_product WHERE account_id = :account AND sku IN (:skus)")
			.param("account", accountId)
			.param("skus", skus)
			.query((rs, row) -> new KnownProduct(rs.getString("sku"), rs.getInt("warranty_months")))
			.list()
			.forEach((product) -> products.put(product.sku(), product));
		return products;
	}

}

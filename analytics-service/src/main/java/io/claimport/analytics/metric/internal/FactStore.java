package io.claimport.analytics.metric.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.claimport.analytics.projection.ProjectionSchema;
import io.claimport.common.event.ClaimCreated;
import io.claimport.common.event.OrderCreated;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes the facts the metrics are computed from (V2__metric_facts.sql). */
@Repository
class FactStore {

	private final JdbcClient jdbc;

	FactStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes into one copy of the projection. */
	Writer in(ProjectionSchema schema) {
		return new Writer(schema);
	}

	final class Writer {

		private final ProjectionSchema schema;

		private Writer(ProjectionSchema schema) {
			this.schema = schema;
		}

		private JdbcClient.StatementSpec sql(String sql) {
			return FactStore.this.jdbc.sql(this.schema.qualify(sql));
		}

		void holdSku(String account, String sku, String productId, String name, String category) {
			sql("""
					INSERT INTO projection.catalog_product (account_id, sku, product_id, name, category)
					VALUES (:account, :sku, :product, :name, :category)
					ON CONFLICT (account_id, sku) DO UPDATE
					SET product_id = excluded.product_id, name = excluded.name, category = excluded.category
					""").param("account", account)
				.param("sku", sku)
				.param("product", productId)
				.param("name", name)
				.param("category", category)
				.update();
		}

		void releaseSku(String account, String sku, String productId) {
			sql("DELETE FROM projection.catalog_product WHERE account_id = :account AND sku = :sku AND product_id = :product")
				.param("account", account)
				.param("sku", sku)
				.param("product", productId)
				.update();
		}

		void placeOrder(String account, String orderId, Instant orderedAt, String status, BigDecimal total,
				String currency) {
			sql("""
					INSERT INTO projection.order_fact (account_id, order_id, ordered_at, status, total_amount, currency)
					VALUES (:account, :order, :orderedAt, :status, :total, :currency)
					ON CONFLICT (account_id, order_id) DO UPDATE
					SET ordered_at = excluded.ordered_at, status = excluded.status,
					    total_amount = excluded.total_amount, currency = excluded.currency
					""").param("account", account)
				.param("order", orderId)
				.param("orderedAt", Timestamp.from(orderedAt))
				.param("status", status)
				.param("total", total)
				.param("currency", currency)
				.update();
		}

		/**
		 * Changes what is known of an order: each of the time, total and currency only
		 * when given.
		 */
		void changeOrder(String account, String orderId, String status, Instant orderedAt, BigDecimal total,
				String currency) {
			sql("""
					UPDATE projection.order_fact SET status = :status, ordered_at = coalesce(:orderedAt, ordered_at),
					    total_amount = coalesce(:total, total_amount), currency = coalesce(:currency, currency)
					WHERE account_id = :account AND order_id = :order
					""").param("account", account)
				.param("order", orderId)
				.param("status", status)
				.param("orderedAt", (orderedAt != null) ? Timestamp.from(orderedAt) : null,
						Types.TIMESTAMP_WITH_TIMEZONE)
				.param("total", total, Types.NUMERIC)
				.param("currency", currency, Types.VARCHAR)
				.update();
		}

		void moveOrder(String account, String orderId, String status) {
			sql("UPDATE projection.order_fact SET status = :status WHERE account_id = :account AND order_id = :order")
				.param("account", account)
				.param("order", orderId)
				.param("status", status)
				.update();
		}

		/** The order's lines become these, at the order's time. */
		void replaceLines(String account, String orderId, List<OrderCreated.Line> lines) {
			sql("DELETE FROM projection.order_line_fact WHERE account_id = :account AND order_id = :order")
				.param("account", account)
				.param("order", orderId)
				.update();
			for (OrderCreated.Line line : lines) {
				sql("""
						INSERT INTO projection.order_line_fact (account_id, order_id, line_key, sku, quantity, ordered_at)
						SELECT account_id, order_id, :key, :sku, :quantity, ordered_at FROM projection.order_fact
						WHERE account_id = :account AND order_id = :order
						ON CONFLICT (account_id, order_id, line_key) DO UPDATE
						SET sku = excluded.sku, quantity = order_line_fact.quantity + excluded.quantity
						""")
					.param("account", account)
					.param("order", orderId)
					.param("key", (line.id() != null) ? line.id() : line.sku())
					.param("sku", line.sku())
					.param("quantity", line.quantity())
					.update();
			}
		}

		void fileClaim(String account, ClaimCreated claim, Instant filedAt) {
			sql("""
					INSERT INTO projection.claim_fact (account_id, claim_id, order_id, filed_at, state, claim_type, claim_category,
					    issue_type, sales_channel, requested_resolution)
					VALUES (:account, :claim, :order, :filedAt, :state, :type, :category, :issue, :channel, :requested)
					ON CONFLICT (account_id, claim_id) DO NOTHING
					""")
				.param("account", account)
				.param("claim", claim.claimId())
				.param("order", claim.orderId())
				.param("filedAt", Timestamp.from(filedAt))
				.param("state", claim.claimState())
				.param("type", claim.claimType())
				.param("category", claim.claimCategory())
				.param("issue", claim.issueType())
				.param("channel", claim.salesChannel())
				.param("requested", claim.requestedResolution())
				.update();
			List<ClaimCreated.Item> items = (claim.items() != null) ? claim.items() : List.of();
			for (int position = 0; position < items.size(); position++) {
				ClaimCreated.Item item = items.get(position);
				sql("""
						INSERT INTO projection.claim_item_fact (account_id, claim_id, position, sku, quantity, filed_at)
						VALUES (:account, :claim, :position, :sku, :quantity, :filedAt)
						ON CONFLICT (account_id, claim_id, position) DO NOTHING
						""").param("account", account)
					.param("claim", claim.claimId())
					.param("position", position)
					.param("sku", item.sku())
					.param("quantity", item.quantity())
					.param("filedAt", Timestamp.from(filedAt))
					.update();
			}
		}

		/**
		 * The claim is in a new state; a decision is remembered as the latest, and as the
		 * first if it is; a resolution as the first if it is.
		 */
		void moveClaim(String account, String claimId, String state, boolean decision, boolean resolution, Instant at) {
			sql("""
					UPDATE projection.claim_fact SET state = :state,
					    first_decided_at = CASE WHEN :decision THEN coalesce(first_decided_at, :at) ELSE first_decided_at END,
					    first_decision = CASE WHEN :decision THEN coalesce(first_decision, :state) ELSE first_decision END,
					    decision = CASE WHEN :decision THEN :state ELSE decision END,
					    resolved_at = CASE WHEN :resolution THEN coalesce(resolved_at, :at) ELSE resolved_at END
					WHERE account_id = :account AND claim_id = :claim
					""")
				.param("account", account)
				.param("claim", claimId)
				.param("state", state)
				.param("decision", decision)
				.param("resolution", resolution)
				.param("at", Timestamp.from(at))
				.update();
		}

		void resolve(String account, String resolutionId, String claimId, Instant at, String type, BigDecimal paid,
				BigDecimal shipping, String currency) {
			sql("""
					INSERT INTO projection.resolution_fact (account_id, resolution_id, claim_id, resolved_at, resolution_type,
					    paid_value, shipping_value, currency)
					VALUES (:account, :resolution, :claim, :at, :type, :paid, :shipping, :currency)
					ON CONFLICT (account_id, resolution_id) DO NOTHING
					""")
				.param("account", account)
				.param("resolution", resolutionId)
				.param("claim", claimId)
				.param("at", Timestamp.from(at))
				.param("type", type)
				.param("paid", paid)
				.param("shipping", shipping)
				.param("currency", currency)
				.update();
		}

		void issueCredit(String account, UUID eventId, String claimId, Instant at, String type, BigDecimal total,
				String currency) {
			sql("""
					INSERT INTO projection.store_credit_fact (account_id, event_id, claim_id, issued_at, credit_type, total_value,
					    currency)
					VALUES (:account, :event, :claim, :at, :type, :total, :currency)
					ON CONFLICT (account_id, event_id) DO NOTHING
					""")
				.param("account", account)
				.param("event", eventId)
				.param("claim", claimId)
				.param("at", Timestamp.from(at))
				.param("type", type)
				.param("total", total)
				.param("currency", currency)
				.update();
		}

		void seen(String account, Instant occurredAt) {
			sql("""
					INSERT INTO projection.projection_watermark (account_id, as_of) VALUES (:account, :at)
					ON CONFLICT (account_id) DO UPDATE SET as_of = greatest(projection_watermark.as_of, excluded.as_of)
					""").param("account", account).param("at", Timestamp.from(occurredAt)).update();
		}

	}

}

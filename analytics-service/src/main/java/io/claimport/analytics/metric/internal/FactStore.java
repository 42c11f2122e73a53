package io.claimport.analytics.metric.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.claimport.analytics.metric.domain.ClaimFacts;
import io.claimport.analytics.metric.domain.Dimension;
import io.claimport.analytics.metric.domain.DurationBuckets;
import io.claimport.analytics.metric.domain.Rollup;
import io.claimport.analytics.metric.domain.Rollup.Key;
import io.claimport.analytics.metric.domain.Rollup.Measure;
import io.claimport.analytics.metric.domain.Rollup.Tally;
import io.claimport.analytics.metric.domain.Rollups;
import io.claimport.analytics.projection.ProjectionSchema;
import io.claimport.common.event.ClaimCreated;
import io.claimport.common.event.OrderCreated;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes the facts the metrics are computed from (V2__metric_facts.sql) and their
 * roll-ups (V3__metric_rollups.sql).
 */
@Repository
class FactStore {

	/** The roll-up rows to change, from arrays bound in {@code Writer.bind}. */
	private static final String ROLLUP_CHANGES = "unnest(:accounts::varchar[], :measures::varchar[], "
			+ ":dimensions::varchar[], :grains::varchar[], :slots::timestamptz[], :values::varchar[], "
			+ ":details::varchar[], :counts::bigint[], :amounts::numeric[]) "
			+ "AS k(account_id, measure, dimension, grain, slot, value, detail, count, amount)";

	private static final String ROLLUP_UPSERT = "INSERT INTO projection.metric_rollup (account_id, measure, "
			+ "dimension, grain, slot, value, detail, count, amount) SELECT * FROM " + ROLLUP_CHANGES
			+ " ON CONFLICT (account_id, measure, dimension, grain, slot, value, detail) DO UPDATE"
			+ " SET count = metric_rollup.count + excluded.count, amount = metric_rollup.amount + excluded.amount";

	private static final String ROLLUP_EMPTIED = "DELETE FROM projection.metric_rollup r USING " + ROLLUP_CHANGES
			+ " WHERE r.account_id = k.account_id AND r.measure = k.measure AND r.dimension = k.dimension"
			+ " AND r.grain = k.grain AND r.slot = k.slot AND r.value = k.value AND r.detail = k.detail"
			+ " AND r.count = 0 AND r.amount = 0";

	private final JdbcClient jdbc;

	FactStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes into one copy of the projection. */
	Writer in(ProjectionSchema schema) {
		return new Writer(schema);
	}

	/**
	 * Writes the facts of one transaction into one copy of the projection, and the
	 * roll-ups' changes they make once all are written ({@link #writeRollups()}).
	 */
	final class Writer {

		private final ProjectionSchema schema;

		/** The roll-ups' changes of each account, in the order of the table's key. */
		private final Map<String, Rollups> rollups = new TreeMap<>();

		private Writer(ProjectionSchema schema) {
			this.schema = schema;
		}

		ProjectionSchema schema() {
			return this.schema;
		}

		private Rollups rollupsOf(String account) {
			return this.rollups.computeIfAbsent(account, (key) -> new Rollups());
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
			Map<Key, Tally> before = orderTallies(account, orderId);
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
			rollupsOf(account).subtract(before).add(Rollups.ofOrder(orderedAt, status, total, currency));
		}

		/**
		 * Changes what is known of an order: each of the time, total and currency only
		 * when given.
		 */
		void changeOrder(String account, String orderId, String status, Instant orderedAt, BigDecimal total,
				String currency) {
			Map<Key, Tally> before = orderTallies(account, orderId);
			sql("""
					UPDATE projection.order_fact SET status = :status, ordered_at = coalesce(:orderedAt, ordered_at),
					    total_amount = coalesce(:total, total_amount), currency = coalesce(:currency, currency)
					WHERE account_id = :account AND order_id = :order
					""").param("account", account)
				.param("order", orderId)
				.param("status", status)
				.param("orderedAt", (orderedAt != null) ? orderedAt.atOffset(ZoneOffset.UTC) : null,
						Types.TIMESTAMP_WITH_TIMEZONE)
				.param("total", total, Types.NUMERIC)
				.param("currency", currency, Types.VARCHAR)
				.update();
			rollupsOf(account).subtract(before).add(orderTallies(account, orderId));
		}

		void moveOrder(String account, String orderId, String status) {
			Map<Key, Tally> before = orderTallies(account, orderId);
			sql("UPDATE projection.order_fact SET status = :status WHERE account_id = :account AND order_id = :order")
				.param("account", account)
				.param("order", orderId)
				.param("status", status)
				.update();
			rollupsOf(account).subtract(before).add(orderTallies(account, orderId));
		}

		/**
		 * What the order adds to the roll-ups as its fact stands now: nothing if unknown.
		 */
		private Map<Key, Tally> orderTallies(String account, String orderId) {
			return sql("""
					SELECT ordered_at, status, total_amount, currency FROM projection.order_fact
					WHERE account_id = :account AND order_id = :order FOR UPDATE
					""").param("account", account)
				.param("order", orderId)
				.query((rs, row) -> Rollups.ofOrder(rs.getTimestamp("ordered_at").toInstant(), rs.getString("status"),
						rs.getBigDecimal("total_amount"), rs.getString("currency")))
				.optional()
				.orElseGet(Map::of);
		}

		/** What the order's lines add to the roll-ups as they stand now. */
		private Map<Key, Tally> lineTallies(String account, String orderId) {
			List<Object[]> lines = sql(
					"SELECT sku, ordered_at FROM projection.order_line_fact WHERE account_id = :account AND order_id = :order")
				.param("account", account)
				.param("order", orderId)
				.query((rs, row) -> new Object[] { rs.getString("sku"), rs.getTimestamp("ordered_at").toInstant() })
				.list();
			Map<Key, Tally> tallies = new TreeMap<>();
			for (Object[] line : lines) {
				Rollups.ofSkus(Measure.ORDER_SKUS, (Instant) line[1], List.of((String) line[0]))
					.forEach((key, tally) -> tallies.putIfAbsent(key, tally));
			}
			return tallies;
		}

		/** The order's lines become these, at the order's time. */
		void replaceLines(String account, String orderId, List<OrderCreated.Line> lines) {
			Map<Key, Tally> before = lineTallies(account, orderId);
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
			rollupsOf(account).subtract(before).add(lineTallies(account, orderId));
		}

		void fileClaim(String account, ClaimCreated claim, Instant filedAt) {
			int filed = sql(
					"""
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
			if (filed == 0) {
				return;
			}
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
			rollupsOf(account)
				.add(Rollups
					.ofClaim(new ClaimFacts(filedAt, claim.claimState(), claim.claimType(), claim.claimCategory(),
							claim.issueType(), claim.salesChannel(), claim.requestedResolution(), null, null, null)))
				.add(Rollups.ofSkus(Measure.CLAIM_SKUS, filedAt, items.stream().map(ClaimCreated.Item::sku).toList()));
		}

		/**
		 * The claim is in a new state; a decision is remembered as the latest, and as the
		 * first if it is; a resolution as the first if it is. The first of each also
		 * keeps the bucket of the time it took ({@link DurationBuckets}).
		 */
		void moveClaim(String account, String claimId, String state, boolean decision, boolean resolution, Instant at) {
			Map<Key, Tally> before = claimTallies(account, claimId);
			sql("""
					UPDATE projection.claim_fact SET state = :state,
					    first_decided_at = CASE WHEN :decision THEN coalesce(first_decided_at, :at) ELSE first_decided_at END,
					    first_decision = CASE WHEN :decision THEN coalesce(first_decision, :state) ELSE first_decision END,
					    decision = CASE WHEN :decision THEN :state ELSE decision END,
					    resolved_at = CASE WHEN :resolution THEN coalesce(resolved_at, :at) ELSE resolved_at END,
					    decision_bucket = CASE WHEN :decision AND first_decided_at IS NULL
					        THEN width_bucket(floor(date_part('epoch', CAST(:at AS timestamptz) - filed_at))::bigint,
					            :bounds::bigint[])
					        ELSE decision_bucket END,
					    resolution_bucket = CASE WHEN :resolution AND resolved_at IS NULL
					        THEN width_bucket(floor(date_part('epoch', CAST(:at AS timestamptz) - filed_at))::bigint,
					            :bounds::bigint[])
					        ELSE resolution_bucket END
					WHERE account_id = :account AND claim_id = :claim
					""")
				.param("account", account)
				.param("claim", claimId)
				.param("state", state)
				.param("decision", decision)
				.param("resolution", resolution)
				.param("at", Timestamp.from(at))
				.param("bounds", DurationBuckets.lowerBounds())
				.update();
			rollupsOf(account).subtract(before).add(claimTallies(account, claimId));
		}

		/**
		 * What the claim adds to the roll-ups as its fact stands now: nothing if unknown.
		 */
		private Map<Key, Tally> claimTallies(String account, String claimId) {
			return sql("""
					SELECT filed_at, state, claim_type, claim_category, issue_type, sales_channel, requested_resolution,
					    first_decided_at, decision, resolved_at
					FROM projection.claim_fact WHERE account_id = :account AND claim_id = :claim FOR UPDATE
					""").param("account", account)
				.param("claim", claimId)
				.query((rs,
						row) -> Rollups.ofClaim(new ClaimFacts(rs.getTimestamp("filed_at").toInstant(),
								rs.getString("state"), rs.getString("claim_type"), rs.getString("claim_category"),
								rs.getString("issue_type"), rs.getString("sales_channel"),
								rs.getString("requested_resolution"), instant(rs.getTimestamp("first_decided_at")),
								rs.getString("decision"), instant(rs.getTimestamp("resolved_at")))))
				.optional()
				.orElseGet(Map::of);
		}

		void resolve(String account, String resolutionId, String claimId, Instant at, String type, BigDecimal paid,
				BigDecimal shipping, String currency) {
			int resolved = sql(
					"""
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
			if (resolved > 0) {
				rollupsOf(account).add(Rollups.ofMoney(Measure.RESOLUTIONS, Dimension.RESOLUTION_TYPE, at, type,
						paid.add(shipping), currency));
			}
		}

		void issueCredit(String account, UUID eventId, String claimId, Instant at, String type, BigDecimal total,
				String currency) {
			int issued = sql(
					"""
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
			if (issued > 0) {
				rollupsOf(account)
					.add(Rollups.ofMoney(Measure.CREDITS, Dimension.CREDIT_TYPE, at, type, total, currency));
			}
		}

		void seen(String account, Instant occurredAt) {
			sql("""
					INSERT INTO projection.projection_watermark (account_id, as_of) VALUES (:account, :at)
					ON CONFLICT (account_id) DO UPDATE SET as_of = greatest(projection_watermark.as_of, excluded.as_of)
					""").param("account", account).param("at", Timestamp.from(occurredAt)).update();
		}

		/**
		 * Writes the roll-ups' changes of every fact written so far, account by account
		 * and row by row in the table's key order (so that two writers never wait for
		 * each other crosswise), and removes the rows that came out even.
		 */
		void writeRollups() {
			List<String> accounts = new ArrayList<>();
			List<Rollup.Key> keys = new ArrayList<>();
			List<Tally> tallies = new ArrayList<>();
			this.rollups.forEach((account, changes) -> changes.changes().forEach((change) -> {
				accounts.add(account);
				keys.add(change.getKey());
				tallies.add(change.getValue());
			}));
			this.rollups.clear();
			if (keys.isEmpty()) {
				return;
			}
			bind(sql(ROLLUP_UPSERT), accounts, keys, tallies).update();
			bind(sql(ROLLUP_EMPTIED), accounts, keys, tallies).update();
		}

		private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, List<String> accounts,
				List<Rollup.Key> keys, List<Tally> tallies) {
			return statement.param("accounts", accounts.toArray(String[]::new))
				.param("measures", keys.stream().map((key) -> key.measure().code()).toArray(String[]::new))
				.param("dimensions", keys.stream().map(Rollup.Key::dimension).toArray(String[]::new))
				.param("grains", keys.stream().map((key) -> key.grain().code()).toArray(String[]::new))
				.param("slots", keys.stream().map((key) -> key.slot().toString()).toArray(String[]::new))
				.param("values", keys.stream().map(Rollup.Key::value).toArray(String[]::new))
				.param("details", keys.stream().map(Rollup.Key::detail).toArray(String[]::new))
				.param("counts", tallies.stream().mapToLong(Tally::count).toArray())
				.param("amounts",
						tallies.stream().map((tally) -> tally.amount().toPlainString()).toArray(String[]::new));
		}

	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}

package io.claimport.analytics.metric;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.claimport.common.event.ClaimCreated;
import io.claimport.common.event.ClaimResolved;
import io.claimport.common.event.ClaimStateChanged;
import io.claimport.common.event.EventEnvelope;
import io.claimport.common.event.EventType;
import io.claimport.common.event.EventTypes;
import io.claimport.common.event.OrderCreated;
import io.claimport.common.event.OrderStatusChanged;
import io.claimport.common.event.OrderUpdated;
import io.claimport.common.event.ProductCreated;
import io.claimport.common.event.StoreCreditIssued;
import io.claimport.testsupport.TestEvents;

/**
 * The events of one account's store, as its services publish them, each at the time it
 * happened: an Object Mother for the metrics' tests.
 */
public final class StoreEvents implements AutoCloseable {

	private final TestEvents events = new TestEvents();

	private final String account;

	public StoreEvents(String account) {
		this.account = account;
	}

	public <T> void send(EventType<T> type, String aggregateId, Instant at, T payload) {
		EventEnvelope envelope = EventEnvelope.create(type, "test", this.account, aggregateId, 1, at);
		this.events.send(type, envelope, payload);
	}

	public void product(String id, String name, String sku, String category, Instant at) {
		send(EventTypes.PRODUCT_CREATED, id, at,
				new ProductCreated(id, name, sku, category, new BigDecimal("10.00"), 12));
	}

	/** A delivered order with these lines. */
	public void order(String id, String at, String total, String currency, OrderCreated.Line... lines) {
		int quantity = List.of(lines).stream().mapToInt(OrderCreated.Line::quantity).sum();
		send(EventTypes.ORDER_CREATED, id, Instant.parse(at), new OrderCreated(id, id, "DELIVERED", lines.length,
				quantity, new BigDecimal(total), currency, Instant.parse(at), List.of(lines)));
	}

	/**
	 * The order as it is now: purchased at another time, for another total, with these
	 * lines.
	 */
	public void orderChanged(String id, Instant at, String purchasedAt, String total, String currency,
			OrderCreated.Line... lines) {
		send(EventTypes.ORDER_UPDATED, id, at, new OrderUpdated(id, List.of("purchasedAt", "lineItems"), "DELIVERED",
				null, null, null, Instant.parse(purchasedAt), List.of(lines), new BigDecimal(total), currency));
	}

	public void orderMoved(String id, String from, String to, Instant at) {
		send(EventTypes.ORDER_STATUS_CHANGED, id, at, new OrderStatusChanged(id, from, to, at));
	}

	/** A claim of the order, filed online, its issue type also its claim type. */
	public void claim(String id, String orderId, Instant at, String issueType, ClaimCreated.Item... items) {
		send(EventTypes.CLAIM_CREATED, id, at, new ClaimCreated(id, orderId, "NEW", issueType, items.length, null,
				issueType, "ONLINE", null, List.of(items)));
	}

	public void move(String claimId, String from, String to, Instant at) {
		send(EventTypes.CLAIM_STATE_CHANGED, claimId, at, new ClaimStateChanged(claimId, from, to, null, "key_1"));
	}

	public void resolve(String claimId, String resolutionId, String type, String paid, String shipping, String currency,
			Instant at) {
		BigDecimal shippingAmount = new BigDecimal(shipping);
		send(EventTypes.CLAIM_RESOLVED, claimId, at, new ClaimResolved(claimId, resolutionId, type,
				new BigDecimal(paid), new BigDecimal(paid), shippingAmount.signum() > 0, shippingAmount, currency));
	}

	public void credit(String claimId, String value, String bonus, String currency, Instant at) {
		BigDecimal credit = new BigDecimal(value);
		BigDecimal extra = new BigDecimal(bonus);
		send(EventTypes.STORE_CREDIT_ISSUED, claimId, at,
				new StoreCreditIssued(claimId, "GIFT_CARD", credit, extra, credit.add(extra), currency));
	}

	public static OrderCreated.Line line(String id, String sku) {
		return new OrderCreated.Line(id, "store-" + id, sku, 1);
	}

	public static ClaimCreated.Item item(String lineId, String sku) {
		return new ClaimCreated.Item(lineId, lineId, sku, 1);
	}

	@Override
	public void close() {
		this.events.close();
	}

}

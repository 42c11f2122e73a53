package io.claimport.common.event;

import java.util.List;
import java.util.Optional;

/**
 * The event catalog: every event the suite publishes. docs/architecture.md lists the
 * same.
 */
public final class EventTypes {

	public static final EventType<ProductCreated> PRODUCT_CREATED = new EventType<>("ProductCreated",
			ProductCreated.class, Topics.PRODUCTS, "Product", 1);

	public static final EventType<ProductUpdated> PRODUCT_UPDATED = new EventType<>("ProductUpdated",
			ProductUpdated.class, Topics.PRODUCTS, "Product", 1);

	public static final EventType<ProductDeleted> PRODUCT_DELETED = new EventType<>("ProductDeleted",
			ProductDeleted.class, Topics.PRODUCTS, "Product", 1);

	/**
	 * Version 2 added the purchase time and the lines (SKU and quantity); version 3 has
	 * one line per line item, with its ids.
	 */
	public static final EventType<OrderCreated> ORDER_CREATED = new EventType<>("OrderCreated", OrderCreated.class,
			Topics.ORDERS, "Order", 3);

	public static final EventType<OrderStatusChanged> ORDER_STATUS_CHANGED = new EventType<>("OrderStatusChanged",
			OrderStatusChanged.class, Topics.ORDERS, "Order", 1);

	/**
	 * Version 2 has one line per line item, with its ids (as OrderCreated 3); version 3
	 * added the order's total and currency.
	 */
	public static final EventType<OrderUpdated> ORDER_UPDATED = new EventType<>("OrderUpdated", OrderUpdated.class,
			Topics.ORDERS, "Order", 3);

	/**
	 * Version 2 added the claim's category, issue type, sales channel, requested
	 * resolution and items.
	 */
	public static final EventType<ClaimCreated> CLAIM_CREATED = new EventType<>("ClaimCreated", ClaimCreated.class,
			Topics.CLAIMS, "Claim", 2);

	public static final EventType<ClaimStateChanged> CLAIM_STATE_CHANGED = new EventType<>("ClaimStateChanged",
			ClaimStateChanged.class, Topics.CLAIMS, "Claim", 1);

	public static final EventType<ClaimResolved> CLAIM_RESOLVED = new EventType<>("ClaimResolved", ClaimResolved.class,
			Topics.CLAIMS, "Claim", 1);

	public static final EventType<ClaimMessageAdded> CLAIM_MESSAGE_ADDED = new EventType<>("ClaimMessageAdded",
			ClaimMessageAdded.class, Topics.CLAIMS, "Claim", 1);

	public static final EventType<ClaimDocumentAdded> CLAIM_DOCUMENT_ADDED = new EventType<>("ClaimDocumentAdded",
			ClaimDocumentAdded.class, Topics.CLAIMS, "Claim", 1);

	public static final EventType<StoreCreditIssued> STORE_CREDIT_ISSUED = new EventType<>("StoreCreditIssued",
			StoreCreditIssued.class, Topics.CLAIMS, "Claim", 1);

	/**
	 * One request. Gateways before request-log batches sent these; consumers still read
	 * them.
	 */
	public static final EventType<RequestLogged> REQUEST_LOGGED = new EventType<>("RequestLogged", RequestLogged.class,
			Topics.REQUEST_LOG, "Request", 1);

	/** What the gateway sends: one account's requests (or unidentified ones) together. */
	public static final EventType<RequestBatchLogged> REQUEST_BATCH_LOGGED = new EventType<>("RequestBatchLogged",
			RequestBatchLogged.class, Topics.REQUEST_LOG, "Account", 1);

	public static final List<EventType<?>> ALL = List.of(PRODUCT_CREATED, PRODUCT_UPDATED, PRODUCT_DELETED,
			ORDER_CREATED, ORDER_STATUS_CHANGED, ORDER_UPDATED, CLAIM_CREATED, CLAIM_STATE_CHANGED, CLAIM_RESOLVED,
			CLAIM_MESSAGE_ADDED, CLAIM_DOCUMENT_ADDED, STORE_CREDIT_ISSUED, REQUEST_LOGGED, REQUEST_BATCH_LOGGED);

	private EventTypes() {
	}

	/** The type of an event payload: each payload class has one. */
	@SuppressWarnings("unchecked")
	public static <T> EventType<T> of(T payload) {
		return (EventType<T>) ALL.stream()
			.filter((type) -> type.payloadType().equals(payload.getClass()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("not an event of the catalog: " + payload.getClass()));
	}

	public static Optional<EventType<?>> byName(String name) {
		return ALL.stream().filter((type) -> type.name().equals(name)).findFirst();
	}

}

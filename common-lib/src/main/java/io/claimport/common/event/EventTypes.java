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

	public static final EventType<OrderCreated> ORDER_CREATED = new EventType<>("OrderCreated", OrderCreated.class,
			Topics.ORDERS, "Order", 1);

	public static final EventType<ClaimCreated> CLAIM_CREATED = new EventType<>("ClaimCreated", ClaimCreated.class,
			Topics.CLAIMS, "Claim", 1);

	public static final EventType<RequestLogged> REQUEST_LOGGED = new EventType<>("RequestLogged", RequestLogged.class,
			Topics.REQUEST_LOG, "Request", 1);

	public static final List<EventType<?>> ALL = List.of(PRODUCT_CREATED, ORDER_CREATED, CLAIM_CREATED, REQUEST_LOGGED);

	private EventTypes() {
	}

	public static Optional<EventType<?>> byName(String name) {
		return ALL.stream().filter((type) -> type.name().equals(name)).findFirst();
	}

}

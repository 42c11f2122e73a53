package io.claimport.claims.purchase;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.claimport.common.event.EventTypes;
import io.claimport.common.event.OrderCreated;
import io.claimport.common.event.OrderUpdated;
import io.claimport.common.event.ProductCreated;
import io.claimport.common.id.PublicIds;
import io.claimport.testsupport.TestEvents;

import static org.awaitility.Awaitility.await;

/**
 * Orders and products placed the way the order and catalog services announce them, on
 * Kafka, and waited for until the claims service knows them: what a claim must be about.
 */
public final class PlacedOrders implements AutoCloseable {

	private final TestEvents events = new TestEvents();

	private final Purchases purchases;

	private final Map<String, String> lineIds = new ConcurrentHashMap<>();

	public PlacedOrders(Purchases purchases) {
		this.purchases = purchases;
	}

	/** A new order of the account, bought yesterday, with ten of each SKU; its id. */
	public String place(String accountId, String... skus) {
		Map<String, Integer> lines = new LinkedHashMap<>();
		for (String sku : skus) {
			lines.put(sku, 10);
		}
		String orderId = PublicIds.next("ord");
		place(accountId, orderId, Instant.now().minus(1, ChronoUnit.DAYS), lines);
		return orderId;
	}

	public void place(String accountId, String orderId, Instant purchasedAt, Map<String, Integer> lines) {
		List<OrderCreated.Line> orderLines = lines(orderId, lines);
		int quantity = lines.values().stream().mapToInt(Integer::intValue).sum();
		this.events.send(EventTypes.ORDER_CREATED, accountId, orderId, new OrderCreated(orderId, null, "DELIVERED",
				lines.size(), quantity, new BigDecimal("10.00"), "USD", purchasedAt, orderLines));
		awaitKnown(accountId, orderId);
	}

	/** The order changed in the store: these lines now, bought then (OrderUpdated). */
	public void update(String accountId, String orderId, Instant purchasedAt, Map<String, Integer> lines) {
		List<OrderCreated.Line> orderLines = lines(orderId, lines);
		this.events.send(EventTypes.ORDER_UPDATED, accountId, orderId, new OrderUpdated(orderId, List.of("lineItems"),
				"DELIVERED", null, null, null, purchasedAt, orderLines));
	}

	/**
	 * The order's line of the SKU, as the order service numbers them (a SKU keeps its
	 * line when the order changes); its store id is {@code "store-"} and the SKU.
	 */
	public String lineId(String orderId, String sku) {
		return this.lineIds.computeIfAbsent(orderId + "/" + sku, (key) -> PublicIds.next("li"));
	}

	private List<OrderCreated.Line> lines(String orderId, Map<String, Integer> lines) {
		return lines.entrySet()
			.stream()
			.map((line) -> new OrderCreated.Line(lineId(orderId, line.getKey()), "store-" + line.getKey(),
					line.getKey(), line.getValue()))
			.toList();
	}

	public void awaitKnown(String accountId, String orderId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.purchases.knowsOrder(accountId, orderId));
	}

	/**
	 * A product of the account with this warranty, known to the claims service on return.
	 */
	public void product(String accountId, String sku, int warrantyMonths) {
		this.events.send(EventTypes.PRODUCT_CREATED, accountId, PublicIds.next("prod"), new ProductCreated(
				PublicIds.next("prod"), "Product " + sku, sku, "Electronics", new BigDecimal("10.00"), warrantyMonths));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.purchases.products(accountId, List.of(sku)).containsKey(sku));
	}

	@Override
	public void close() {
		this.events.close();
	}

}

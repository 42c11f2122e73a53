package io.claimport.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.claimport.common.event.OrderStatusChanged;
import io.claimport.common.event.OrderUpdated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderLifeCycleTest {

	private static final Instant ORDERED = Instant.parse("2026-11-30T18:00:00Z");

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void anOrderKeepsTheTimeTheCustomerOrderedAndItsAddress() {
		ShippingAddress home = address("1 Main St");
		Order order = Order.place("acct_1", draft(ORDERED, home), NOW);

		assertThat(order.getOrderedAt()).isEqualTo(ORDERED);
		assertThat(order.getShippingAddress()).isEqualTo(address("1 Main St"));
		assertThat(order.createdEvent().purchasedAt()).isEqualTo(ORDERED);
		assertThat(Order.place("acct_1", draft(null, null), NOW).getOrderedAt()).isEqualTo(NOW);
	}

	@Test
	void shippingTakesTheTimeOfTheChangeWhenNoneIsGivenAndNamesWhatChanged() {
		Order order = Order.place("acct_1", draft(ORDERED, null), ORDERED);

		List<Object> events = order.change(new OrderChange(OrderStatus.SHIPPED, null, null, "UPS", "1Z999", null), NOW);

		assertThat(events).hasSize(2);
		assertThat(events.get(0)).isEqualTo(new OrderStatusChanged(order.getId(), "PENDING", "SHIPPED", NOW));
		OrderUpdated updated = (OrderUpdated) events.get(1);
		assertThat(updated.changedFields()).containsExactly("shippedAt", "carrier", "trackingNumber");
		assertThat(updated.shippedAt()).isEqualTo(NOW);
		assertThat(order.getStatus()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(order.getUpdatedAt()).isEqualTo(NOW);
	}

	@Test
	void aStoreMaySkipStepsForwardsButNoOrderGoesBackOrLeavesAFinalStatus() {
		Order delivered = Order.place("acct_1", draft(ORDERED, null), ORDERED);
		delivered.change(new OrderChange(OrderStatus.DELIVERED, null, null, null, null, null), NOW);

		assertThat(delivered.getShippedAt()).isEqualTo(NOW);
		assertThat(delivered.getDeliveredAt()).isEqualTo(NOW);
		assertThatThrownBy(
				() -> delivered.change(new OrderChange(OrderStatus.SHIPPED, null, null, null, null, null), NOW))
			.isInstanceOfSatisfying(OrderTransitionRefusedException.class,
					(refused) -> assertThat(refused.allowedStatuses()).containsExactly(OrderStatus.REFUNDED));
		Order cancelled = Order.place("acct_1", draft(ORDERED, null), ORDERED);
		cancelled.change(new OrderChange(OrderStatus.CANCELLED, null, null, null, null, null), NOW);
		assertThatThrownBy(
				() -> cancelled.change(new OrderChange(OrderStatus.PROCESSING, null, null, null, null, null), NOW))
			.hasMessageContaining("CANCELLED is final");
		assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void aChangeThatSaysWhatTheOrderIsAlreadyMakesNoEvent() {
		Order order = Order.place("acct_1", draft(ORDERED, address("1 Main St")), ORDERED);

		assertThat(
				order.change(new OrderChange(OrderStatus.PENDING, null, null, null, null, address("1 Main St")), NOW))
			.isEmpty();
		assertThat(order.getUpdatedAt()).isEqualTo(ORDERED);
	}

	@Test
	void anUpsertMakesTheOrderWhatTheStoreSaysAndKeepsWhatItLeavesOut() {
		Order order = Order.place("acct_1", draft(ORDERED, null), ORDERED);
		OrderDraft now = new OrderDraft("1001", OrderStatus.PROCESSING, "ann@example.com", "Ann Lee", null,
				List.of(new LineItem("WHP-001", null, 2, new BigDecimal("149.99"))), null, null);

		List<Object> events = order.sync(now, NOW);

		assertThat(events.get(0)).isEqualTo(new OrderStatusChanged(order.getId(), "PENDING", "PROCESSING", NOW));
		OrderUpdated updated = (OrderUpdated) events.get(1);
		assertThat(updated.changedFields()).containsExactly("lineItems");
		assertThat(updated.lineItems()).singleElement().satisfies((line) -> assertThat(line.quantity()).isEqualTo(2));
		assertThat(updated.purchasedAt()).isEqualTo(ORDERED);
		// what analytics counts the order's value from
		assertThat(updated.totalAmount()).isEqualByComparingTo("299.98");
		assertThat(updated.currency()).isEqualTo("USD");
		assertThat(order.getTotalAmount()).isEqualByComparingTo("299.98");
		assertThat(order.getCurrency()).isEqualTo("USD");
		assertThat(order.sync(now, NOW.plusSeconds(60))).isEmpty();
	}

	@Test
	void anUpsertThatWouldMoveTheStatusBackChangesNothing() {
		Order order = Order.place("acct_1", draft(ORDERED, null), ORDERED);
		order.change(new OrderChange(OrderStatus.SHIPPED, null, null, null, null, null), NOW);
		OrderDraft back = new OrderDraft("1001", OrderStatus.PENDING, "new@example.com", "Ann Lee", "usd",
				List.of(new LineItem("WHP-001", null, 1, new BigDecimal("149.99"))), null, null);

		assertThatThrownBy(() -> order.sync(back, NOW)).isInstanceOf(OrderTransitionRefusedException.class);
		assertThat(order.getCustomerEmail()).isEqualTo("ann@example.com");
		assertThat(order.getStatus()).isEqualTo(OrderStatus.SHIPPED);
	}

	@Test
	void theLifeCycleIsPublishedFromEveryStatus() {
		assertThat(OrderLifecycle.allowedFrom(OrderStatus.PENDING)).containsExactlyInAnyOrder(OrderStatus.PROCESSING,
				OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.CANCELLED);
		assertThat(OrderLifecycle.allowedFrom(OrderStatus.REFUNDED)).isEmpty();
		for (OrderStatus status : OrderStatus.values()) {
			assertThat(OrderLifecycle.allows(status, status)).as(status.name()).isFalse();
		}
	}

	private static ShippingAddress address(String line1) {
		return new ShippingAddress("Ann Lee", line1, null, "Springfield", "IL", "62701", "US");
	}

	private static OrderDraft draft(Instant orderedAt, ShippingAddress address) {
		return new OrderDraft("1001", OrderStatus.PENDING, "ann@example.com", "Ann Lee", "usd",
				List.of(new LineItem("WHP-001", null, 1, new BigDecimal("149.99"))), orderedAt, address);
	}

}

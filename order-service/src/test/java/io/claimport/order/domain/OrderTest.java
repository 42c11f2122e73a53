package io.claimport.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.claimport.common.event.OrderCreated;
import io.claimport.service.bulk.Indexed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderTest {

	@Test
	void totalsItsLineItemsAndDescribesItselfInTheCreatedEvent() {
		Order order = Order.place("acct_1", draft("1001", List.of(new LineItem("A", "A", 2, new BigDecimal("10.50")),
				new LineItem("B", null, 1, new BigDecimal("4.00")))), Instant.now());

		OrderCreated event = order.createdEvent();

		assertThat(order.getTotalAmount()).isEqualByComparingTo("25.00");
		assertThat(order.getId()).startsWith("ord_");
		assertThat(event.lineItemCount()).isEqualTo(2);
		assertThat(event.totalQuantity()).isEqualTo(3);
		assertThat(event.currency()).isEqualTo("EUR");
	}

	@Test
	void refusesRepeatedOrderNumbersButAcceptsOrdersWithout() {
		OrderImport decision = OrderImport.decide(
				List.of(numbered(0, "1"), numbered(1, null), numbered(2, null), numbered(3, "1"), numbered(4, "2")),
				Set.of("2"));

		assertThat(decision.accepted()).extracting(Indexed::index).containsExactly(0, 1, 2);
		assertThat(decision.refused()).extracting((error) -> error.index()).containsExactly(3, 4);
	}

	@Test
	void refusesAnOrderWhoseTotalTheOrderBookCannotHoldAndKeepsTheOthers() {
		LineItem costly = new LineItem("A", null, 100_000, new BigDecimal("9999999999.99"));
		LineItem atTheLimit = new LineItem("B", null, 1, OrderImport.MAX_TOTAL);
		OrderImport decision = OrderImport.decide(
				List.of(new Indexed<>(0, draft("1", List.of(costly))),
						new Indexed<>(1, draft("2", List.of(atTheLimit))),
						new Indexed<>(2,
								draft("3", List.of(atTheLimit, new LineItem("C", null, 1, new BigDecimal("0.01")))))),
				Set.of());

		assertThat(decision.accepted()).extracting(Indexed::index).containsExactly(1);
		assertThat(decision.refused()).extracting((error) -> error.index() + ":" + error.field() + ":" + error.rule())
			.containsExactly("0:lineItems:maxTotal", "2:lineItems:maxTotal");
	}

	@Test
	void refusesAnOrderWithTwoLinesOfOneStoreIdNamingTheSecondLine() {
		OrderImport decision = OrderImport.decide(List.of(new Indexed<>(0,
				draft("1",
						List.of(new LineItem("9001", "A", null, 1, BigDecimal.ONE),
								new LineItem("9002", "B", null, 1, BigDecimal.ONE),
								new LineItem("9001", "C", null, 1, BigDecimal.ONE))))),
				Set.of());

		assertThat(decision.accepted()).isEmpty();
		assertThat(decision.refused()).extracting((error) -> error.field() + ":" + error.rule())
			.containsExactly("lineItems[2].sourceItemId:unique");
	}

	private static Indexed<OrderDraft> numbered(int index, String number) {
		return new Indexed<>(index, draft(number, List.of(new LineItem("A", null, 1, BigDecimal.ONE))));
	}

	private static OrderDraft draft(String number, List<LineItem> items) {
		return new OrderDraft(number, OrderStatus.PENDING, "ann@example.com", "Ann", "eur", items, null, null);
	}

}

package io.claimport.order.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.claimport.common.event.EventTypes;
import io.claimport.order.domain.Order;
import io.claimport.order.domain.OrderDraft;
import io.claimport.order.domain.OrderImport;
import io.claimport.order.domain.OrderStatus;
import io.claimport.service.outbox.DomainEventPublisher;
import io.claimport.service.web.NotFoundException;
import io.claimport.service.bulk.BulkResult;
import io.claimport.service.bulk.Indexed;
import io.claimport.service.bulk.ItemError;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The orders of each account: bulk import and lookups, always within one account. */
@Service
public class OrderBook {

	private final OrderRepository orders;

	private final DomainEventPublisher events;

	private final Clock clock;

	OrderBook(OrderRepository orders, DomainEventPublisher events, Clock clock) {
		this.orders = orders;
		this.events = events;
		this.clock = clock;
	}

	/** Places every accepted order with its OrderCreated event in one transaction. */
	@Transactional
	public BulkResult importOrders(String accountId, int total, List<Indexed<OrderDraft>> drafts,
			List<ItemError> invalid) {
		List<String> numbers = drafts.stream()
			.map((numbered) -> numbered.item().orderNumber())
			.filter(Objects::nonNull)
			.toList();
		Set<String> existing = numbers.isEmpty() ? Set.of() : this.orders.findExistingOrderNumbers(accountId, numbers);
		OrderImport decision = OrderImport.decide(drafts, existing);
		Instant now = this.clock.instant();
		List<Order> placed = decision.accepted()
			.stream()
			.map((numbered) -> Order.place(accountId, numbered.item(), now))
			.toList();
		this.orders.saveAll(placed);
		for (Order order : placed) {
			this.events.publish(EventTypes.ORDER_CREATED, accountId, order.getId(), order.getVersion(),
					order.createdEvent());
		}
		return BulkResult.of("order", total, placed.stream().map(Order::getId).toList(), invalid, decision.refused());
	}

	@Transactional(readOnly = true)
	public Page<Order> search(String accountId, OrderStatus status, String customerEmail, int page, int size) {
		String email = (customerEmail != null) ? customerEmail.toLowerCase(Locale.ROOT) : null;
		return this.orders.search(accountId, status, email,
				PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")));
	}

	@Transactional(readOnly = true)
	public Order get(String accountId, String orderId) {
		return this.orders.findByIdAndAccountId(orderId, accountId)
			.orElseThrow(() -> new NotFoundException("order", orderId));
	}

}

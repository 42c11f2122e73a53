package io.claimport.order.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.claimport.common.event.EventTypes;
import io.claimport.common.page.Connection;
import io.claimport.order.domain.Order;
import io.claimport.order.domain.OrderChange;
import io.claimport.order.domain.OrderDraft;
import io.claimport.order.domain.OrderImport;
import io.claimport.service.bulk.BulkResult;
import io.claimport.service.bulk.Indexed;
import io.claimport.service.bulk.ItemError;
import io.claimport.service.outbox.DomainEventPublisher;
import io.claimport.service.page.CursorPage;
import io.claimport.service.page.Keyset;
import io.claimport.service.page.SortKey;
import io.claimport.service.web.NotFoundException;
import io.claimport.service.web.StaleVersionException;

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

	/**
	 * Changes one order: loaded with its row locked (changes of one order take turns),
	 * checked against the expected version (its ETag), changed by the aggregate, saved,
	 * and its events published with the new version, in one transaction.
	 */
	@Transactional
	public Order change(String accountId, String orderId, Long expectedVersion, OrderChange change) {
		Order order = this.orders.findForChange(orderId, accountId)
			.orElseThrow(() -> new NotFoundException("order", orderId));
		if (expectedVersion != null && expectedVersion != order.getVersion()) {
			throw new StaleVersionException("order", order.getVersion());
		}
		List<Object> events = order.change(change, this.clock.instant());
		if (!events.isEmpty()) {
			this.orders.saveAndFlush(order);
			this.events.publishAll(accountId, orderId, order.getVersion(), events);
		}
		return order;
	}

	/** A page of the account's orders matching the search, walked with cursors. */
	@Transactional(readOnly = true)
	public Connection<Order> search(String accountId, OrderSearch search, SortKey<Order> sort, CursorPage page) {
		return Keyset.page(this.orders, OrderSpecifications.matching(accountId, search), sort, page, Order::getId);
	}

	/**
	 * A numbered page of the account's orders matching the search (the deprecated
	 * {@code page}/{@code size} listing).
	 */
	@Transactional(readOnly = true)
	public Page<Order> searchPage(String accountId, OrderSearch search, SortKey<Order> sort, int page, int size) {
		Sort.Direction direction = sort.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC;
		return this.orders.findAll(OrderSpecifications.matching(accountId, search),
				PageRequest.of(page, size, Sort.by(direction, sort.attribute()).and(Sort.by(direction, "id"))));
	}

	@Transactional(readOnly = true)
	public Order get(String accountId, String orderId) {
		return this.orders.findByIdAndAccountId(orderId, accountId)
			.orElseThrow(() -> new NotFoundException("order", orderId));
	}

}

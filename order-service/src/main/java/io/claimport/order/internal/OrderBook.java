package io.claimport.order.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.claimport.common.event.EventTypes;
import io.claimport.common.page.Connection;
import io.claimport.order.domain.Order;
import io.claimport.order.domain.OrderChange;
import io.claimport.order.domain.OrderDraft;
import io.claimport.order.domain.OrderImport;
import io.claimport.order.domain.OrderTransitionRefusedException;
import io.claimport.service.bulk.BulkResult;
import io.claimport.service.bulk.Indexed;
import io.claimport.service.bulk.ItemError;
import io.claimport.service.bulk.RowOutcome;
import io.claimport.service.outbox.DomainEventPublisher;
import io.claimport.common.page.CursorPage;
import io.claimport.service.page.Keyset;
import io.claimport.service.page.SortKey;
import io.claimport.service.web.NotFoundException;
import io.claimport.service.web.StaleVersionException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
		List<Order> placed = place(accountId, decision.accepted(), this.clock.instant());
		return BulkResult.of("order", total, placed.stream().map(Order::getId).toList(), invalid, decision.refused());
	}

	/**
	 * Places the orders whose number the account does not have and makes those it has
	 * what the drafts say, each with its events, in one transaction; a row whose status
	 * move the life cycle does not allow fails on its own, naming the allowed ones.
	 */
	@Transactional
	public BulkResult upsertOrders(String accountId, int total, List<Indexed<OrderDraft>> drafts,
			List<ItemError> invalid) {
		List<String> numbers = drafts.stream()
			.map((numbered) -> numbered.item().orderNumber())
			.filter(Objects::nonNull)
			.toList();
		Map<String, Order> existing = numbers.isEmpty() ? Map.of()
				: this.orders.findForChangeByNumbers(accountId, numbers)
					.stream()
					.collect(Collectors.toMap(Order::getOrderNumber, Function.identity()));
		OrderImport decision = OrderImport.upsert(drafts, existing.keySet());
		Instant now = this.clock.instant();
		List<RowOutcome> outcomes = new ArrayList<>();
		List<Order> placed = place(accountId, decision.accepted(), now);
		for (int i = 0; i < placed.size(); i++) {
			outcomes.add(new RowOutcome(decision.accepted().get(i).index(), placed.get(i).getId(),
					RowOutcome.Outcome.CREATED));
		}
		List<ItemError> refused = new ArrayList<>(decision.refused());
		Map<Order, List<Object>> changed = new LinkedHashMap<>();
		for (Indexed<OrderDraft> draft : decision.toUpdate()) {
			Order order = existing.get(draft.item().orderNumber());
			try {
				List<Object> events = order.sync(draft.item(), now);
				if (!events.isEmpty()) {
					changed.put(order, events);
				}
				outcomes.add(new RowOutcome(draft.index(), order.getId(),
						events.isEmpty() ? RowOutcome.Outcome.UNCHANGED : RowOutcome.Outcome.UPDATED));
			}
			catch (OrderTransitionRefusedException ex) {
				refused.add(new ItemError(draft.index(), "status", "transition", ex.getMessage()));
			}
		}
		// the new versions are known once the changes are flushed
		this.orders.saveAllAndFlush(changed.keySet());
		changed
			.forEach((order, events) -> this.events.publishAll(accountId, order.getId(), order.getVersion(), events));
		return BulkResult.ofUpsert("order", total, outcomes, invalid, refused);
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
		return this.orders.findAll(OrderSpecifications.matching(accountId, search),
				PageRequest.of(page, size, sort.sort()));
	}

	private List<Order> place(String accountId, List<Indexed<OrderDraft>> drafts, Instant now) {
		List<Order> placed = drafts.stream().map((numbered) -> Order.place(accountId, numbered.item(), now)).toList();
		this.orders.saveAll(placed);
		for (Order order : placed) {
			this.events.publish(EventTypes.ORDER_CREATED, accountId, order.getId(), order.getVersion(),
					order.createdEvent());
		}
		return placed;
	}

	@Transactional(readOnly = true)
	public Order get(String accountId, String orderId) {
		return this.orders.findByIdAndAccountId(orderId, accountId)
			.orElseThrow(() -> new NotFoundException("order", orderId));
	}

}

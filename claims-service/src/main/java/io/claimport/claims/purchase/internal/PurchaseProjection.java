package io.claimport.claims.purchase.internal;

import io.claimport.common.event.OrderCreated;
import io.claimport.common.event.OrderUpdated;
import io.claimport.common.event.ProductCreated;
import io.claimport.common.event.ProductUpdated;
import io.claimport.service.messaging.ProcessedEventLedger;
import io.claimport.service.messaging.ReceivedEvent;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the projections of orders and products up to date from their events, each event
 * once however often it comes. An order of schema version 1 has no lines: it is known to
 * exist, bought when its event was made. A deleted product is not forgotten: what was
 * bought stays claimable under its warranty.
 */
@Service
class PurchaseProjection {

	static final String CONSUMER = "claims-purchases";

	private final PurchaseStore store;

	private final ProcessedEventLedger ledger;

	PurchaseProjection(PurchaseStore store, ProcessedEventLedger ledger) {
		this.store = store;
		this.ledger = ledger;
	}

	@Transactional
	public void apply(ReceivedEvent event) {
		String accountId = event.envelope().accountId();
		if (accountId == null) {
			throw new IllegalArgumentException("event " + event.envelope().eventId() + " names no account");
		}
		Object payload = event.payload();
		if (!(payload instanceof OrderCreated) && !(payload instanceof OrderUpdated)
				&& !(payload instanceof ProductCreated) && !(payload instanceof ProductUpdated)) {
			return;
		}
		if (!this.ledger.firstDelivery(CONSUMER, event.envelope())) {
			return;
		}
		if (payload instanceof OrderCreated order) {
			this.store.putOrder(accountId, order.orderId(),
					(order.purchasedAt() != null) ? order.purchasedAt() : event.envelope().occurredAt(),
					order.lineItems());
		}
		else if (payload instanceof OrderUpdated order) {
			// what the store now says the order holds, and when it was bought
			this.store.replaceOrder(accountId, order.orderId(), order.purchasedAt(), order.lineItems());
		}
		else if (payload instanceof ProductCreated product) {
			this.store.putProduct(accountId, product.sku(), product.productId(), product.warrantyMonths());
		}
		else if (payload instanceof ProductUpdated product) {
			// the product's SKU and warranty as they are now; an old SKU's row stays, so
			// what was sold under it keeps its warranty (as a deleted product's does)
			this.store.putProduct(accountId, product.sku(), product.productId(), product.warrantyMonths());
		}
	}

}

package io.claimport.analytics.metric.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import io.claimport.common.event.ClaimCreated;
import io.claimport.common.event.ClaimResolved;
import io.claimport.common.event.ClaimStateChanged;
import io.claimport.common.event.EventEnvelope;
import io.claimport.common.event.OrderCreated;
import io.claimport.common.event.OrderStatusChanged;
import io.claimport.common.event.OrderUpdated;
import io.claimport.common.event.ProductCreated;
import io.claimport.common.event.ProductDeleted;
import io.claimport.common.event.ProductUpdated;
import io.claimport.common.event.StoreCreditIssued;
import io.claimport.service.messaging.ProcessedEventLedger;
import io.claimport.service.messaging.ReceivedEvent;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the facts the metrics are computed from, event by event: each event applied once,
 * however often it is delivered, with the account's freshness in the same transaction.
 */
@Service
public class FactProjection {

	static final String CONSUMER = "analytics-metrics";

	/** The states that decide a claim (TEMPORARILY_DISMISSED puts it aside). */
	static final Set<String> DECISIONS = Set.of("APPROVED", "DENIED", "DISMISSED", "RESOLVED_BY_BRAND");

	static final Set<String> RESOLVED = Set.of("RESOLVED", "RESOLVED_BY_BRAND");

	private final FactStore facts;

	private final ProcessedEventLedger ledger;

	FactProjection(FactStore facts, ProcessedEventLedger ledger) {
		this.facts = facts;
		this.ledger = ledger;
	}

	@Transactional
	public void apply(ReceivedEvent event) {
		EventEnvelope envelope = event.envelope();
		String account = envelope.accountId();
		if (account == null) {
			throw new IllegalArgumentException("event " + envelope.eventId() + " names no account");
		}
		Object payload = event.payload();
		if (!applies(payload) || !this.ledger.firstDelivery(CONSUMER, envelope)) {
			return;
		}
		Instant at = envelope.occurredAt();
		if (payload instanceof ProductCreated product) {
			this.facts.holdSku(account, product.sku(), product.productId(), product.name(), product.category());
		}
		else if (payload instanceof ProductUpdated product) {
			if (!product.before().sku().equals(product.sku())) {
				this.facts.releaseSku(account, product.before().sku(), product.productId());
			}
			this.facts.holdSku(account, product.sku(), product.productId(), product.name(), product.category());
		}
		else if (payload instanceof ProductDeleted product) {
			this.facts.releaseSku(account, product.sku(), product.productId());
		}
		else if (payload instanceof OrderCreated order) {
			this.facts.placeOrder(account, order.orderId(), (order.purchasedAt() != null) ? order.purchasedAt() : at,
					order.status(), order.totalAmount(), order.currency());
			if (order.lineItems() != null) {
				this.facts.replaceLines(account, order.orderId(), order.lineItems());
			}
		}
		else if (payload instanceof OrderUpdated order) {
			this.facts.changeOrder(account, order.orderId(), order.status(), order.purchasedAt(), order.totalAmount(),
					order.currency());
			this.facts.replaceLines(account, order.orderId(), order.lineItems());
		}
		else if (payload instanceof OrderStatusChanged changed) {
			this.facts.moveOrder(account, changed.orderId(), changed.toStatus());
		}
		else if (payload instanceof ClaimCreated claim) {
			this.facts.fileClaim(account, claim, at);
		}
		else if (payload instanceof ClaimStateChanged changed) {
			this.facts.moveClaim(account, changed.claimId(), changed.toState(), DECISIONS.contains(changed.toState()),
					RESOLVED.contains(changed.toState()), at);
		}
		else if (payload instanceof ClaimResolved resolved) {
			// what settling cost: the amount paid, and the shipping when it was refunded
			// too
			this.facts.resolve(account, resolved.resolutionId(), resolved.claimId(), at, resolved.resolutionType(),
					resolved.paidValue(), resolved.includeShipping() ? resolved.shippingAmount() : BigDecimal.ZERO,
					resolved.currency());
		}
		else if (payload instanceof StoreCreditIssued credit) {
			this.facts.issueCredit(account, envelope.eventId(), credit.claimId(), at, credit.creditType(),
					credit.totalValue(), credit.currency());
		}
		this.facts.seen(account, at);
	}

	private static boolean applies(Object payload) {
		return payload instanceof ProductCreated || payload instanceof ProductUpdated
				|| payload instanceof ProductDeleted || payload instanceof OrderCreated
				|| payload instanceof OrderUpdated || payload instanceof OrderStatusChanged
				|| payload instanceof ClaimCreated || payload instanceof ClaimStateChanged
				|| payload instanceof ClaimResolved || payload instanceof StoreCreditIssued;
	}

}

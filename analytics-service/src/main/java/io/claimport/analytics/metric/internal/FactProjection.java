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
import io.claimport.analytics.projection.ProjectionSchema;
import io.claimport.service.messaging.ReceivedEvent;

import org.springframework.stereotype.Service;

/**
 * Keeps the facts the metrics are computed from, event by event, with the account's
 * freshness.
 */
@Service
public class FactProjection {

	/** The states that decide a claim (TEMPORARILY_DISMISSED puts it aside). */
	static final Set<String> DECISIONS = Set.of("APPROVED", "DENIED", "DISMISSED", "RESOLVED_BY_BRAND");

	static final Set<String> RESOLVED = Set.of("RESOLVED", "RESOLVED_BY_BRAND");

	private final FactStore facts;

	FactProjection(FactStore facts) {
		this.facts = facts;
	}

	/** Whether the event changes any fact. */
	public boolean projects(ReceivedEvent event) {
		return applies(event.payload());
	}

	/**
	 * Begins applying events to one copy of the projection, in the transaction that
	 * records them as applied there (ProjectionWriter's).
	 */
	public Batch batch(ProjectionSchema schema) {
		return new Batch(this.facts.in(schema));
	}

	/** Applies an event to the facts of the batch's copy of the projection. */
	public void apply(ReceivedEvent event, Batch batch) {
		EventEnvelope envelope = event.envelope();
		String account = envelope.accountId();
		Object payload = event.payload();
		if (!applies(payload)) {
			return;
		}
		FactStore.Writer store = batch.store;
		Instant at = envelope.occurredAt();
		if (payload instanceof ProductCreated product) {
			store.holdSku(account, product.sku(), product.productId(), product.name(), product.category());
		}
		else if (payload instanceof ProductUpdated product) {
			if (!product.before().sku().equals(product.sku())) {
				store.releaseSku(account, product.before().sku(), product.productId());
			}
			store.holdSku(account, product.sku(), product.productId(), product.name(), product.category());
		}
		else if (payload instanceof ProductDeleted product) {
			store.releaseSku(account, product.sku(), product.productId());
		}
		else if (payload instanceof OrderCreated order) {
			store.placeOrder(account, order.orderId(), (order.purchasedAt() != null) ? order.purchasedAt() : at,
					order.status(), order.totalAmount(), order.currency());
			if (order.lineItems() != null) {
				store.replaceLines(account, order.orderId(), order.lineItems());
			}
		}
		else if (payload instanceof OrderUpdated order) {
			store.changeOrder(account, order.orderId(), order.status(), order.purchasedAt(), order.totalAmount(),
					order.currency());
			store.replaceLines(account, order.orderId(), order.lineItems());
		}
		else if (payload instanceof OrderStatusChanged changed) {
			store.moveOrder(account, changed.orderId(), changed.toStatus());
		}
		else if (payload instanceof ClaimCreated claim) {
			store.fileClaim(account, claim, at);
		}
		else if (payload instanceof ClaimStateChanged changed) {
			store.moveClaim(account, changed.claimId(), changed.toState(), DECISIONS.contains(changed.toState()),
					RESOLVED.contains(changed.toState()), at);
		}
		else if (payload instanceof ClaimResolved resolved) {
			// what settling cost: the amount paid, and the shipping when it was refunded
			// too
			store.resolve(account, resolved.resolutionId(), resolved.claimId(), at, resolved.resolutionType(),
					resolved.paidValue(), resolved.includeShipping() ? resolved.shippingAmount() : BigDecimal.ZERO,
					resolved.currency());
		}
		else if (payload instanceof StoreCreditIssued credit) {
			store.issueCredit(account, envelope.eventId(), credit.claimId(), at, credit.creditType(),
					credit.totalValue(), credit.currency());
		}
		store.seen(account, at);
	}

	/**
	 * Ends the batch: writes what its facts change in the roll-ups, in one go, late in
	 * the transaction, so that the rows many facts share are held as briefly as can be.
	 */
	public void finish(Batch batch) {
		batch.store.writeRollups();
	}

	private static boolean applies(Object payload) {
		return payload instanceof ProductCreated || payload instanceof ProductUpdated
				|| payload instanceof ProductDeleted || payload instanceof OrderCreated
				|| payload instanceof OrderUpdated || payload instanceof OrderStatusChanged
				|| payload instanceof ClaimCreated || payload instanceof ClaimStateChanged
				|| payload instanceof ClaimResolved || payload instanceof StoreCreditIssued;
	}

	/** The events of one transaction, applied to one copy of the projection. */
	public static final class Batch {

		private final FactStore.Writer store;

		private Batch(FactStore.Writer store) {
			this.store = store;
		}

		public ProjectionSchema schema() {
			return this.store.schema();
		}

	}

}

package io.claimport.claims.purchase;

import java.util.Collection;
import java.util.Map;

import io.claimport.claims.purchase.internal.PurchaseStore;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The account's orders and products the claims service knows, for checking claims. */
@Service
public class Purchases {

	private final PurchaseStore store;

	Purchases(PurchaseStore store) {
		this.store = store;
	}

	/**
	 * The known orders among these ids, locked until the caller's transaction ends, so
	 * that two filings against one order take turns and each sees what the other claimed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, KnownOrder> ordersForClaims(String accountId, Collection<String> orderIds) {
		return this.store.lockOrders(accountId, orderIds);
	}

	/** Whether the account's order is known yet: a new order is claimable once it is. */
	@Transactional(readOnly = true)
	public boolean knowsOrder(String accountId, String orderId) {
		return this.store.knowsOrder(accountId, orderId);
	}

	@Transactional(readOnly = true)
	public Map<String, KnownProduct> products(String accountId, Collection<String> skus) {
		return this.store.products(accountId, skus);
	}

}

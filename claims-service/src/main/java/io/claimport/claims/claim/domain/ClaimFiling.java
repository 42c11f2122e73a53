package io.claimport.claims.claim.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.claimport.claims.purchase.KnownOrder;
import io.claimport.claims.purchase.KnownProduct;
import io.claimport.service.bulk.Indexed;
import io.claimport.service.bulk.ItemError;

/**
 * Decides which claims of a bulk filing are about what the customer really bought: the
 * order must be one of the account's; each claimed item a line of that order, for no more
 * than was ordered less what earlier claims on it (and earlier claims of the same
 * request) already cover; and a {@code WARRANTY} claim must fall in each product's
 * warranty window, counted from the purchase. An order announced without its lines
 * (schema version 1) is only checked to exist.
 */
public final class ClaimFiling {

	/** The claim type that asks for the product's warranty. */
	public static final String WARRANTY = "WARRANTY";

	private final List<Indexed<ClaimDraft>> accepted = new ArrayList<>();

	private final List<ItemError> refused = new ArrayList<>();

	private ClaimFiling() {
	}

	/**
	 * @param claimed how much of each SKU of each order the account's open claims already
	 * cover, keyed by {@link #key(String, String)}
	 */
	public static ClaimFiling decide(List<Indexed<ClaimDraft>> drafts, Map<String, KnownOrder> orders,
			Map<String, Integer> claimed, Map<String, KnownProduct> products, Instant now) {
		ClaimFiling filing = new ClaimFiling();
		Map<String, Integer> covered = new HashMap<>(claimed);
		for (Indexed<ClaimDraft> numbered : drafts) {
			ClaimDraft draft = numbered.item();
			KnownOrder order = orders.get(draft.orderId());
			if (order == null) {
				filing.refused.add(new ItemError(numbered.index(), "orderId", "unknown-order",
						"orderId " + draft.orderId()
								+ " is not an order of this account (an order becomes claimable moments"
								+ " after it is placed)"));
				continue;
			}
			List<ItemError> errors = new ArrayList<>();
			Map<String, Integer> wanted = new LinkedHashMap<>();
			for (int i = 0; i < draft.claimItems().size(); i++) {
				ClaimDraft.Item item = draft.claimItems().get(i);
				wanted.merge(item.itemId(), item.quantity(), Integer::sum);
				if (order.linesKnown() && !order.quantities().containsKey(item.itemId())) {
					errors.add(new ItemError(numbered.index(), "claimItems[" + i + "].itemId", "not-in-order",
							"claimItems[" + i + "].itemId " + item.itemId() + " is not a line item of order "
									+ order.orderId()));
				}
				else if (WARRANTY.equals(draft.claimType())) {
					warranty(numbered.index(), i, item, order, products, now).ifPresent(errors::add);
				}
			}
			if (order.linesKnown() && errors.isEmpty()) {
				int i = 0;
				for (ClaimDraft.Item item : draft.claimItems()) {
					int ordered = order.quantities().get(item.itemId());
					int already = covered.getOrDefault(key(order.orderId(), item.itemId()), 0);
					int total = wanted.get(item.itemId());
					if (total > ordered - already) {
						errors.add(new ItemError(numbered.index(), "claimItems[" + i + "].quantity", "exceeds-order",
								"claimItems[" + i + "].quantity: order " + order.orderId() + " has " + ordered + " of "
										+ item.itemId() + " and claims already cover " + already + ", so at most "
										+ Math.max(0, ordered - already) + " more can be claimed"));
					}
					i++;
				}
			}
			if (errors.isEmpty()) {
				filing.accepted.add(numbered);
				wanted.forEach((sku, quantity) -> covered.merge(key(order.orderId(), sku), quantity, Integer::sum));
			}
			else {
				filing.refused.addAll(errors);
			}
		}
		return filing;
	}

	private static java.util.Optional<ItemError> warranty(int index, int position, ClaimDraft.Item item,
			KnownOrder order, Map<String, KnownProduct> products, Instant now) {
		KnownProduct product = products.get(item.itemId());
		String field = "claimItems[" + position + "].itemId";
		if (product == null) {
			return java.util.Optional.of(new ItemError(index, field, "unknown-product", field + " " + item.itemId()
					+ " is not a product of this account, so its warranty cannot be checked"));
		}
		WarrantyWindow window = WarrantyWindow.ofMonths(order.purchasedAt(), product.warrantyMonths());
		if (!window.covers(now)) {
			return java.util.Optional.of(new ItemError(index, field, "warranty-expired",
					"the warranty of " + item.itemId() + " ended on " + window.endsOn()));
		}
		return java.util.Optional.empty();
	}

	/** How claimed quantities are keyed: an order and a SKU. */
	public static String key(String orderId, String sku) {
		return orderId + "\u0000" + sku;
	}

	public List<Indexed<ClaimDraft>> accepted() {
		return List.copyOf(this.accepted);
	}

	public List<ItemError> refused() {
		return List.copyOf(this.refused);
	}

}

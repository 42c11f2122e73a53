package io.claimport.claims.claim.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.claimport.claims.purchase.KnownOrder;
import io.claimport.claims.purchase.KnownProduct;
import io.claimport.service.bulk.Indexed;
import io.claimport.service.bulk.ItemError;

/**
 * Decides which claims of a bulk filing are about what the customer really bought: the
 * order must be one of the account's; each claimed item one line of that order (named by
 * the line's id, the store's id of it, or a SKU only one line has), for no more than was
 * ordered less what earlier claims on it (and earlier claims of the same request) already
 * cover; and a {@code WARRANTY} claim must fall in each product's warranty window,
 * counted from the purchase. An order announced without its lines (schema version 1) is
 * only checked to exist.
 */
public final class ClaimFiling {

	/** The claim type that asks for the product's warranty. */
	public static final String WARRANTY = "WARRANTY";

	private final List<Indexed<ClaimDraft>> accepted = new ArrayList<>();

	private final List<ItemError> refused = new ArrayList<>();

	private ClaimFiling() {
	}

	/**
	 * @param claimed how much of each line of each order the account's open claims
	 * already cover, keyed by {@link #key(String, String)} of the order and the line's
	 * {@link KnownOrder.Line#key()}
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
			List<KnownOrder.Line> lines = new ArrayList<>();
			for (int i = 0; i < draft.claimItems().size(); i++) {
				ClaimDraft.Item item = draft.claimItems().get(i);
				KnownOrder.Line line = order.linesKnown() ? line(numbered.index(), i, item, order, errors)
						: new KnownOrder.Line(null, null, item.itemId(), 0);
				lines.add(line);
				if (line != null && WARRANTY.equals(draft.claimType())) {
					warranty(numbered.index(), i, line.sku(), order, products, now).ifPresent(errors::add);
				}
			}
			Map<String, Integer> wanted = new LinkedHashMap<>();
			if (errors.isEmpty()) {
				for (int i = 0; i < lines.size(); i++) {
					wanted.merge(lines.get(i).key(), draft.claimItems().get(i).quantity(), Integer::sum);
				}
			}
			if (order.linesKnown() && errors.isEmpty()) {
				for (int i = 0; i < lines.size(); i++) {
					KnownOrder.Line line = lines.get(i);
					int already = covered.getOrDefault(key(order.orderId(), line.key()), 0);
					if (wanted.get(line.key()) > line.quantity() - already) {
						errors.add(new ItemError(numbered.index(), "claimItems[" + i + "].quantity", "exceeds-order",
								"claimItems[" + i + "].quantity: order " + order.orderId() + " has " + line.quantity()
										+ " of " + draft.claimItems().get(i).itemId() + " and claims already cover "
										+ already + ", so at most " + Math.max(0, line.quantity() - already)
										+ " more can be claimed"));
					}
				}
			}
			if (errors.isEmpty()) {
				filing.accepted.add(new Indexed<>(numbered.index(), onLines(draft, lines)));
				wanted.forEach((line, quantity) -> covered.merge(key(order.orderId(), line), quantity, Integer::sum));
			}
			else {
				filing.refused.addAll(errors);
			}
		}
		return filing;
	}

	/**
	 * The one line of the order the item names, or null with the error saying why not.
	 */
	private static KnownOrder.Line line(int index, int position, ClaimDraft.Item item, KnownOrder order,
			List<ItemError> errors) {
		String field = "claimItems[" + position + "].itemId";
		List<KnownOrder.Line> named = order.named(item.itemId());
		if (named.isEmpty()) {
			errors.add(new ItemError(index, field, "not-in-order",
					field + " " + item.itemId() + " is not a line item of order " + order.orderId()
							+ " (name a line by its id, the store's id of it, or its SKU)"));
			return null;
		}
		if (named.size() > 1) {
			errors.add(new ItemError(index, field, "ambiguous-item",
					field + " " + item.itemId() + " is the SKU of " + named.size() + " lines of order "
							+ order.orderId() + "; name one by its id: "
							+ String.join(", ", named.stream().map(KnownOrder.Line::id).toList())));
			return null;
		}
		return named.get(0);
	}

	private static Optional<ItemError> warranty(int index, int position, String sku, KnownOrder order,
			Map<String, KnownProduct> products, Instant now) {
		KnownProduct product = products.get(sku);
		String field = "claimItems[" + position + "].itemId";
		if (product == null) {
			return Optional.of(new ItemError(index, field, "unknown-product",
					field + " " + sku + " is not a product of this account, so its warranty cannot be checked"));
		}
		WarrantyWindow window = WarrantyWindow.ofMonths(order.purchasedAt(), product.warrantyMonths());
		if (!window.covers(now)) {
			return Optional.of(new ItemError(index, field, "warranty-expired",
					"the warranty of " + sku + " ended on " + window.endsOn()));
		}
		return Optional.empty();
	}

	/**
	 * The same claim with each item's line of the order and its SKU, in the order of the
	 * items.
	 * @param lines the lines the items name: where an order's lines are not known, a line
	 * without id whose SKU is the item's id, as the warranty check takes it
	 */
	private static ClaimDraft onLines(ClaimDraft draft, List<KnownOrder.Line> lines) {
		List<ClaimDraft.Item> items = new ArrayList<>(draft.claimItems().size());
		for (int i = 0; i < draft.claimItems().size(); i++) {
			ClaimDraft.Item item = draft.claimItems().get(i);
			items.add(new ClaimDraft.Item(item.itemId(), item.quantity(), lines.get(i).id(), lines.get(i).sku()));
		}
		return new ClaimDraft(draft.orderId(), draft.sourceOrderId(), draft.sourceOrderNumber(), draft.authorName(),
				draft.authorEmail(), draft.claimDescription(), draft.claimType(), draft.isOta(), draft.otaDescription(),
				draft.policyId(), items);
	}

	/**
	 * The SKUs whose products the warranty claims among the drafts are about: those of
	 * the lines their items name, or the item ids themselves where an order's lines are
	 * not known.
	 */
	public static Set<String> warrantySkus(List<Indexed<ClaimDraft>> drafts, Map<String, KnownOrder> orders) {
		Set<String> skus = new HashSet<>();
		for (Indexed<ClaimDraft> draft : drafts) {
			KnownOrder order = orders.get(draft.item().orderId());
			if (!WARRANTY.equals(draft.item().claimType()) || order == null) {
				continue;
			}
			for (ClaimDraft.Item item : draft.item().claimItems()) {
				if (order.linesKnown()) {
					order.named(item.itemId()).forEach((line) -> skus.add(line.sku()));
				}
				else {
					skus.add(item.itemId());
				}
			}
		}
		return skus;
	}

	/** How claimed quantities are keyed: an order and a line's key. */
	public static String key(String orderId, String line) {
		return orderId + "\u0000" + line;
	}

	public List<Indexed<ClaimDraft>> accepted() {
		return List.copyOf(this.accepted);
	}

	public List<ItemError> refused() {
		return List.copyOf(this.refused);
	}

}

package io.claimport.order.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.claimport.service.bulk.Indexed;
import io.claimport.service.bulk.ItemError;

/**
 * Decides which drafts of a bulk import become orders. An order number, when given, names
 * one order per account: a draft repeating one the account has, or an earlier draft of
 * the same request, is refused, so re-sending a batch does not duplicate orders. An order
 * whose total the order book cannot hold is refused too: each line passes its own rules,
 * but their sum may not. Two lines of one order with the same store id
 * ({@code sourceItemId}) are refused: a claim could not say which it means.
 */
public final class OrderImport {

	/** The largest total the order book stores: {@code NUMERIC(14, 2)}. */
	public static final BigDecimal MAX_TOTAL = new BigDecimal("999999999999.99");

	private final List<Indexed<OrderDraft>> accepted = new ArrayList<>();

	private final List<Indexed<OrderDraft>> toUpdate = new ArrayList<>();

	private final List<ItemError> refused = new ArrayList<>();

	private OrderImport() {
	}

	/** A plain import: every draft is a new order. */
	public static OrderImport decide(List<Indexed<OrderDraft>> drafts, Set<String> existingOrderNumbers) {
		return decide(drafts, existingOrderNumbers, false);
	}

	/**
	 * An upsert: a draft with an order number the account has updates that order (one
	 * without a number is always a new order).
	 */
	public static OrderImport upsert(List<Indexed<OrderDraft>> drafts, Set<String> existingOrderNumbers) {
		return decide(drafts, existingOrderNumbers, true);
	}

	private static OrderImport decide(List<Indexed<OrderDraft>> drafts, Set<String> existingOrderNumbers,
			boolean upsert) {
		OrderImport result = new OrderImport();
		Set<String> inRequest = new HashSet<>();
		for (Indexed<OrderDraft> numbered : drafts) {
			String number = numbered.item().orderNumber();
			BigDecimal total = numbered.item().total();
			if (total.compareTo(MAX_TOTAL) > 0) {
				result.refused.add(new ItemError(numbered.index(), "lineItems", "maxTotal", "lineItems add up to "
						+ total.toPlainString() + ", more than the largest order total, " + MAX_TOTAL.toPlainString()));
			}
			else if (repeatedSourceItem(numbered.item()) >= 0) {
				int line = repeatedSourceItem(numbered.item());
				result.refused.add(new ItemError(numbered.index(), "lineItems[" + line + "].sourceItemId", "unique",
						"lineItems[" + line + "].sourceItemId "
								+ numbered.item().lineItems().get(line).getSourceItemId()
								+ " names an earlier line of the same order"));
			}
			else if (number != null && !inRequest.add(number)) {
				result.refused.add(new ItemError(numbered.index(), "orderNumber", "unique",
						"orderNumber " + number + " appears more than once in this request"));
			}
			else if (number != null && existingOrderNumbers.contains(number) && upsert) {
				result.toUpdate.add(numbered);
			}
			else if (number != null && existingOrderNumbers.contains(number)) {
				result.refused.add(new ItemError(numbered.index(), "orderNumber", "unique", "orderNumber " + number
						+ " already belongs to another order (?mode=upsert updates it instead)"));
			}
			else {
				result.accepted.add(numbered);
			}
		}
		return result;
	}

	/** The position of the first line whose store id an earlier line has, or -1. */
	private static int repeatedSourceItem(OrderDraft draft) {
		Set<String> seen = new HashSet<>();
		List<LineItem> lines = draft.lineItems();
		for (int i = 0; i < lines.size(); i++) {
			String id = lines.get(i).getSourceItemId();
			if (id != null && !seen.add(id)) {
				return i;
			}
		}
		return -1;
	}

	public List<Indexed<OrderDraft>> accepted() {
		return List.copyOf(this.accepted);
	}

	/** Drafts for orders the account has (upsert only). */
	public List<Indexed<OrderDraft>> toUpdate() {
		return List.copyOf(this.toUpdate);
	}

	public List<ItemError> refused() {
		return List.copyOf(this.refused);
	}

}

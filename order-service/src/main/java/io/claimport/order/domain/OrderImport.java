package io.claimport.order.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.claimport.service.bulk.Indexed;
import io.claimport.service.bulk.ItemError;

/**
 * Decides which drafts of a bulk import become orders. An order number, when given, names
 * one order per account: a draft repeating one the account has, or an earlier draft of
 * the same request, is refused, so re-sending a batch does not duplicate orders.
 */
public final class OrderImport {

	private final List<Indexed<OrderDraft>> accepted = new ArrayList<>();

	private final List<ItemError> refused = new ArrayList<>();

	private OrderImport() {
	}

	public static OrderImport decide(List<Indexed<OrderDraft>> drafts, Set<String> existingOrderNumbers) {
		OrderImport result = new OrderImport();
		Set<String> inRequest = new HashSet<>();
		for (Indexed<OrderDraft> numbered : drafts) {
			String number = numbered.item().orderNumber();
			if (number != null && existingOrderNumbers.contains(number)) {
				result.refused.add(new ItemError(numbered.index(), "orderNumber", "unique",
						"orderNumber " + number + " already belongs to another order"));
			}
			else if (number != null && !inRequest.add(number)) {
				result.refused.add(new ItemError(numbered.index(), "orderNumber", "unique",
						"orderNumber " + number + " appears more than once in this request"));
			}
			else {
				result.accepted.add(numbered);
			}
		}
		return result;
	}

	public List<Indexed<OrderDraft>> accepted() {
		return List.copyOf(this.accepted);
	}

	public List<ItemError> refused() {
		return List.copyOf(this.refused);
	}

}

package io.claimport.order.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.claimport.service.web.bulk.ItemError;

/**
 * Decides which drafts of a bulk import become orders. An order number, when given, names
 * one order per account: a draft repeating one the account has, or an earlier draft of
 * the same request, is refused, so re-sending a batch does not duplicate orders.
 */
public final class OrderImport {

	private final List<Numbered> accepted = new ArrayList<>();

	private final List<ItemError> refused = new ArrayList<>();

	private OrderImport() {
	}

	public static OrderImport decide(List<Numbered> drafts, Set<String> existingOrderNumbers) {
		OrderImport result = new OrderImport();
		Set<String> inRequest = new HashSet<>();
		for (Numbered numbered : drafts) {
			String number = numbered.draft().orderNumber();
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

	public List<Numbered> accepted() {
		return List.copyOf(this.accepted);
	}

	public List<ItemError> refused() {
		return List.copyOf(this.refused);
	}

	/** A draft with its position in the request. */
	public record Numbered(int index, OrderDraft draft) {

	}

}

package io.claimport.catalog.product.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.claimport.service.bulk.Indexed;
import io.claimport.service.bulk.ItemError;

/**
 * Decides what becomes of each draft of a bulk import. A SKU names one product per
 * account: a draft whose SKU an earlier draft of the same request took is refused; one
 * whose SKU the account already has is refused when creating, and updates that product in
 * an upsert.
 */
public final class ProductImport {

	private final List<Indexed<ProductDraft>> accepted = new ArrayList<>();

	private final List<Indexed<ProductDraft>> toUpdate = new ArrayList<>();

	private final List<ItemError> refused = new ArrayList<>();

	private ProductImport() {
	}

	/** A plain import: every draft is a new product. */
	public static ProductImport decide(List<Indexed<ProductDraft>> drafts, Set<String> existingSkus) {
		return decide(drafts, existingSkus, false);
	}

	/** An upsert: a draft with a SKU the account has updates that product. */
	public static ProductImport upsert(List<Indexed<ProductDraft>> drafts, Set<String> existingSkus) {
		return decide(drafts, existingSkus, true);
	}

	private static ProductImport decide(List<Indexed<ProductDraft>> drafts, Set<String> existingSkus, boolean upsert) {
		ProductImport result = new ProductImport();
		Set<String> inRequest = new HashSet<>();
		for (Indexed<ProductDraft> numbered : drafts) {
			String sku = numbered.item().sku();
			if (!inRequest.add(sku)) {
				result.refused.add(new ItemError(numbered.index(), "sku", "unique",
						"sku " + numbered.item().sku() + " appears more than once in this request"));
			}
			else if (existingSkus.contains(sku) && upsert) {
				result.toUpdate.add(numbered);
			}
			else if (existingSkus.contains(sku)) {
				result.refused.add(new ItemError(numbered.index(), "sku", "unique", "sku " + numbered.item().sku()
						+ " already belongs to another product (?mode=upsert updates it instead)"));
			}
			else {
				result.accepted.add(numbered);
			}
		}
		return result;
	}

	public List<Indexed<ProductDraft>> accepted() {
		return List.copyOf(this.accepted);
	}

	/** Drafts for products the account has (upsert only). */
	public List<Indexed<ProductDraft>> toUpdate() {
		return List.copyOf(this.toUpdate);
	}

	public List<ItemError> refused() {
		return List.copyOf(this.refused);
	}

}

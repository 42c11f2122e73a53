package io.claimport.catalog.product.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.claimport.service.bulk.Indexed;
import io.claimport.service.bulk.ItemError;

/**
 * Decides which drafts of a bulk import become products. A SKU names one product per
 * account: a draft whose SKU the account already has, or that an earlier draft of the
 * same request took, is refused.
 */
public final class ProductImport {

	private final List<Indexed<ProductDraft>> accepted = new ArrayList<>();

	private final List<ItemError> refused = new ArrayList<>();

	private ProductImport() {
	}

	public static ProductImport decide(List<Indexed<ProductDraft>> drafts, Set<String> existingSkus) {
		ProductImport result = new ProductImport();
		Set<String> inRequest = new HashSet<>();
		for (Indexed<ProductDraft> numbered : drafts) {
			String sku = numbered.item().sku();
			if (existingSkus.contains(sku)) {
				result.refused.add(new ItemError(numbered.index(), "sku", "unique",
						"sku " + numbered.item().sku() + " already belongs to another product"));
			}
			else if (!inRequest.add(sku)) {
				result.refused.add(new ItemError(numbered.index(), "sku", "unique",
						"sku " + numbered.item().sku() + " appears more than once in this request"));
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

	public List<ItemError> refused() {
		return List.copyOf(this.refused);
	}

}

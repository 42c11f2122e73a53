package io.claimport.catalog.product.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.claimport.catalog.product.domain.Product;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/** A {@link ProductSearch} as a query, always within one account. */
final class ProductSpecifications {

	private ProductSpecifications() {
	}

	static Specification<Product> matching(String accountId, ProductSearch search) {
		return (root, query, cb) -> {
			List<Predicate> all = new ArrayList<>();
			all.add(cb.equal(root.get("accountId"), accountId));
			if (!search.includeDeleted()) {
				all.add(cb.isNull(root.get("deletedAt")));
			}
			if (search.nameContains() != null) {
				all.add(cb.like(cb.lower(root.get("name")), "%" + escaped(search.nameContains()) + "%", '\\'));
			}
			if (!search.categories().isEmpty()) {
				all.add(root.get("category").in(search.categories()));
			}
			if (search.sku() != null) {
				all.add(cb.equal(root.get("sku"), search.sku()));
			}
			if (search.minPrice() != null) {
				all.add(cb.greaterThanOrEqualTo(root.get("price"), search.minPrice()));
			}
			if (search.maxPrice() != null) {
				all.add(cb.lessThanOrEqualTo(root.get("price"), search.maxPrice()));
			}
			if (search.warrantyMonths() != null) {
				all.add(cb.equal(root.get("warrantyMonths"), search.warrantyMonths()));
			}
			if (search.createdAfter() != null) {
				all.add(cb.greaterThan(root.get("createdAt"), search.createdAfter()));
			}
			if (search.createdBefore() != null) {
				all.add(cb.lessThan(root.get("createdAt"), search.createdBefore()));
			}
			if (search.updatedAfter() != null) {
				all.add(cb.greaterThan(root.get("updatedAt"), search.updatedAfter()));
			}
			return cb.and(all.toArray(Predicate[]::new));
		};
	}

	/** The text matched literally: LIKE's wildcards and its escape character escaped. */
	private static String escaped(String text) {
		return text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}

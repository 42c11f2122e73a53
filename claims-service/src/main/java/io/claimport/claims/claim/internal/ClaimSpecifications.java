package io.claimport.claims.claim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.claimport.claims.claim.domain.Claim;
import io.claimport.claims.claim.domain.ClaimResolution;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

/** A {@link ClaimSearch} as a query, always within one account. */
final class ClaimSpecifications {

	/** Attributes matched case-insensitively: e-mail addresses. */
	private static final String AUTHOR_EMAIL = "authorEmail";

	/** Not an attribute of the claim: any of its resolutions. */
	static final String RESOLUTION_TYPE = "resolutionType";

	private ClaimSpecifications() {
	}

	static Specification<Claim> matching(String accountId, ClaimSearch search) {
		return (root, query, cb) -> {
			List<Predicate> all = new ArrayList<>();
			all.add(cb.equal(root.get("accountId"), accountId));
			List<Predicate> filters = new ArrayList<>();
			for (Map.Entry<String, List<Object>> filter : search.anyOf().entrySet()) {
				filters.add(anyOf(root, query, cb, filter.getKey(), filter.getValue()));
			}
			if (!filters.isEmpty()) {
				all.add(search.matchAll() ? cb.and(filters.toArray(Predicate[]::new))
						: cb.or(filters.toArray(Predicate[]::new)));
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
			if (search.updatedBefore() != null) {
				all.add(cb.lessThan(root.get("updatedAt"), search.updatedBefore()));
			}
			return cb.and(all.toArray(Predicate[]::new));
		};
	}

	static Specification<Claim> notOlderThan(String id) {
		return (root, query, cb) -> cb.greaterThanOrEqualTo(root.get("id"), id);
	}

	static Specification<Claim> notNewerThan(String id) {
		return (root, query, cb) -> cb.lessThanOrEqualTo(root.get("id"), id);
	}

	static Specification<Claim> olderThan(String id) {
		return (root, query, cb) -> cb.lessThan(root.get("id"), id);
	}

	static Specification<Claim> newerThan(String id) {
		return (root, query, cb) -> cb.greaterThan(root.get("id"), id);
	}

	private static Predicate anyOf(Root<Claim> root, CriteriaQuery<?> query, CriteriaBuilder cb, String attribute,
			List<Object> values) {
		if (RESOLUTION_TYPE.equals(attribute)) {
			Subquery<String> settled = query.subquery(String.class);
			Root<Claim> claim = settled.correlate(root);
			Join<Claim, ClaimResolution> resolution = claim.join("resolutions");
			settled.select(claim.get("id")).where(resolution.get("resolutionType").in(values));
			return cb.exists(settled);
		}
		if (AUTHOR_EMAIL.equals(attribute)) {
			return cb.lower(root.get(attribute))
				.in(values.stream().map((v) -> v.toString().toLowerCase(Locale.ROOT)).toList());
		}
		return root.get(attribute).in(values);
	}

}

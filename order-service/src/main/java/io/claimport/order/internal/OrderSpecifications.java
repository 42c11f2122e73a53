package io.claimport.order.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.claimport.order.domain.LineItem;
import io.claimport.order.domain.Order;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

/** An {@link OrderSearch} as a query, always within one account. */
final class OrderSpecifications {

	private OrderSpecifications() {
	}

	static Specification<Order> matching(String accountId, OrderSearch search) {
		return (root, query, cb) -> {
			List<Predicate> all = new ArrayList<>();
			all.add(cb.equal(root.get("accountId"), accountId));
			if (!search.statuses().isEmpty()) {
				all.add(root.get("status").in(search.statuses()));
			}
			if (search.customerEmail() != null) {
				all.add(cb.equal(cb.lower(root.get("customerEmail")), search.customerEmail().toLowerCase(Locale.ROOT)));
			}
			if (search.orderNumber() != null) {
				all.add(cb.equal(root.get("orderNumber"), search.orderNumber()));
			}
			if (search.orderedAfter() != null) {
				all.add(cb.greaterThan(root.get("orderedAt"), search.orderedAfter()));
			}
			if (search.orderedBefore() != null) {
				all.add(cb.lessThan(root.get("orderedAt"), search.orderedBefore()));
			}
			if (search.sku() != null) {
				// a subquery rather than a join: an order with two lines of the SKU is
				// listed once
				Subquery<String> withSku = query.subquery(String.class);
				Root<Order> same = withSku.from(Order.class);
				Join<Order, LineItem> line = same.join("lineItems");
				withSku.select(same.get("id"))
					.where(cb.equal(same.get("id"), root.get("id")), cb.equal(line.get("sku"), search.sku()));
				all.add(cb.exists(withSku));
			}
			return cb.and(all.toArray(Predicate[]::new));
		};
	}

}

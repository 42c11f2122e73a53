package io.claimport.service.page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import io.claimport.common.page.Connection;
import io.claimport.common.page.CursorPage;
import io.claimport.common.page.PageCursor;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * Keyset paging of a JPA list: a page is the objects beyond the cursor's (sort value, id)
 * in the sort's order, read with the index on (account, sort attribute, id) and no offset
 * to skip, so the thousandth page costs what the first does and an object added or
 * removed meanwhile moves no other across a page boundary.
 */
public final class Keyset {

	private static final String ID = "id";

	private Keyset() {
	}

	/**
	 * A page of the objects {@code matching}, in the key's order, with whether more lie
	 * before and after it.
	 */
	public static <T> Connection<T> page(JpaSpecificationExecutor<T> repository, Specification<T> matching,
			SortKey<T> key, CursorPage page, Function<T, String> idOf) {
		PageCursor cursor = page.cursor();
		// a backwards page is read in the opposite order from its cursor, then turned
		SortKey<T> reading = page.backwards() ? key.reversed() : key;
		Specification<T> window = (cursor == null) ? matching : matching.and(beyond(reading, cursor, true));
		List<T> fetched = repository.findBy(window,
				(query) -> query.sortBy(reading.sort()).limit(page.size() + 1).all());
		boolean more = fetched.size() > page.size();
		List<T> nodes = new ArrayList<>(fetched.subList(0, Math.min(page.size(), fetched.size())));
		if (page.backwards()) {
			Collections.reverse(nodes);
		}
		// on the other side of the cursor (the cursor's object included) lies the
		// other page
		boolean behind = (cursor != null) && repository.exists(matching.and(beyond(reading, cursor, false)));
		Function<T, String> cursorOf = (
				node) -> new PageCursor(key.parameter(), String.valueOf(key.valueOf().apply(node)), idOf.apply(node))
					.encode();
		return page.backwards() ? Connection.of(nodes, behind, more, cursorOf)
				: Connection.of(nodes, more, behind, cursorOf);
	}

	/**
	 * The objects after the cursor in the key's order ({@code ahead}), or those at or
	 * before it.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static <T> Specification<T> beyond(SortKey<T> key, PageCursor cursor, boolean ahead) {
		Comparable value = key.parse().apply(cursor.value());
		return (Root<T> root, jakarta.persistence.criteria.CriteriaQuery<?> query, CriteriaBuilder cb) -> {
			Expression<Comparable> attribute = root.get(key.attribute());
			Expression<String> id = root.get(ID);
			boolean upwards = key.ascending() == ahead;
			Predicate past = upwards ? cb.greaterThan(attribute, value) : cb.lessThan(attribute, value);
			Predicate tie = ahead ? (upwards ? cb.greaterThan(id, cursor.id()) : cb.lessThan(id, cursor.id()))
					: (upwards ? cb.greaterThanOrEqualTo(id, cursor.id()) : cb.lessThanOrEqualTo(id, cursor.id()));
			return cb.or(past, cb.and(cb.equal(attribute, value), tie));
		};
	}

}

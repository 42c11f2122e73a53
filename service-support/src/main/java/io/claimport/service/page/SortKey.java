package io.claimport.service.page;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.data.domain.Sort;

/**
 * One way a list can be ordered: an attribute, ascending or descending, with the object's
 * id breaking ties so that the order is total (and a keyset cursor exact).
 *
 * @param name the name callers give in {@code sort} ({@code createdAt};
 * {@code -createdAt} for descending)
 * @param attribute the entity attribute sorted on
 * @param valueOf the attribute's value of an object, written into cursors
 * @param parse reads that value back from a cursor
 */
public record SortKey<T>(String name, String attribute, boolean ascending, Function<T, Comparable<?>> valueOf,
		Function<String, Comparable<?>> parse) {

	/** The same key the other way round. */
	public SortKey<T> reversed() {
		return new SortKey<>(this.name, this.attribute, !this.ascending, this.valueOf, this.parse);
	}

	/** The order as Spring Data takes it: the attribute, then the id, the same way. */
	public Sort sort() {
		Sort.Direction direction = this.ascending ? Sort.Direction.ASC : Sort.Direction.DESC;
		return Sort.by(direction, this.attribute).and(Sort.by(direction, "id"));
	}

	/** What callers write in {@code sort}. */
	public String parameter() {
		return (this.ascending ? "" : "-") + this.name;
	}

	/**
	 * The key a {@code sort} value names among the keys a list offers, each either way.
	 */
	public static <T> Optional<SortKey<T>> named(String sort, List<SortKey<T>> keys) {
		boolean descending = sort.startsWith("-");
		String name = descending ? sort.substring(1) : sort;
		return keys.stream()
			.filter((key) -> key.name().equals(name))
			.findFirst()
			.map((key) -> (key.ascending() == !descending) ? key : key.reversed());
	}

}

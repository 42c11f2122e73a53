package io.claimport.common.page;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay-style page: {@code edges} of {@code node}s with their cursors, and
 * {@code pageInfo}. Lists that integrators walk with cursors answer in this shape.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

	/** A page of nodes already in order, with what lies on either side of it. */
	public static <T> Connection<T> of(List<T> nodes, boolean hasNextPage, boolean hasPreviousPage,
			Function<T, String> cursor) {
		List<Edge<T>> edges = nodes.stream().map((node) -> new Edge<>(cursor.apply(node), node)).toList();
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Connection<>(edges, new PageInfo(start, end, hasNextPage, hasPreviousPage));
	}

	public <R> Connection<R> map(Function<T, R> mapper) {
		return new Connection<>(
				this.edges.stream().map((edge) -> new Edge<>(edge.cursor(), mapper.apply(edge.node()))).toList(),
				this.pageInfo);
	}

	public record Edge<T>(String cursor, T node) {

	}

	public record PageInfo(String startCursor, String endCursor, boolean hasNextPage, boolean hasPreviousPage) {

	}

}

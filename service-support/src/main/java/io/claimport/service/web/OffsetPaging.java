package io.claimport.service.web;

import io.claimport.common.problem.FieldViolation;

/**
 * How deep a numbered page may reach. A page is read with {@code OFFSET}, which makes the
 * database walk past every row before it, so the offset is bounded (as Elasticsearch
 * bounds its result window); beyond it a client narrows its filters.
 */
public final class OffsetPaging {

	public static final int MAX_WINDOW = 10_000;

	private OffsetPaging() {
	}

	/**
	 * @throws InvalidRequestException when the page ends past {@link #MAX_WINDOW} items
	 */
	public static void check(int page, int size) {
		if ((long) page * size + size > MAX_WINDOW) {
			throw new InvalidRequestException(
					new FieldViolation("page", "maxWindow", "page " + page + " of size " + size + " ends past item "
							+ MAX_WINDOW + ", the deepest a listing pages; narrow the filters to reach older items"));
		}
	}

}

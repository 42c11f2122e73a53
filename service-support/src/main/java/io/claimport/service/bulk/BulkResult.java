package io.claimport.service.bulk;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The answer to a bulk create, in the shape the public API documents: {@code {message,
 * created: [ids], summary: {total, created, failed}}}, plus why each failed item failed.
 */
public record BulkResult(String message, List<String> created, Summary summary, List<ItemError> errors) {

	/**
	 * The result of a bulk request; the errors of the various checks are listed by item
	 * position.
	 */
	@SafeVarargs
	public static BulkResult of(String resource, int total, List<String> created, List<ItemError>... errors) {
		List<ItemError> allErrors = Stream.of(errors)
			.flatMap(List::stream)
			.sorted(Comparator.comparingInt(ItemError::index))
			.toList();
		int failed = total - created.size();
		String message = "Created " + created.size() + " " + resource + "(s)"
				+ ((failed > 0) ? ", " + failed + " failed" : "");
		return new BulkResult(message, List.copyOf(created), new Summary(total, created.size(), failed), allErrors);
	}

	public boolean nothingCreated() {
		return this.created.isEmpty();
	}

	/**
	 * Answers a bulk request of which no item could be created: 422, with the same body
	 * fields.
	 */
	public BulkResult orFailIfNothingCreated() {
		if (nothingCreated()) {
			throw new NothingCreatedException(this);
		}
		return this;
	}

	public record Summary(int total, int created, int failed) {

	}

	public static class NothingCreatedException extends RuntimeException {

		private final transient BulkResult result;

		NothingCreatedException(BulkResult result) {
			super(result.message());
			this.result = result;
		}

		public BulkResult result() {
			return this.result;
		}

	}

}

package io.claimport.service.bulk;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a bulk request, in the shape the public API documents: {@code {message,
 * created: [ids], summary: {total, created, failed}}}, plus why each failed item failed.
 * An upsert ({@code ?mode=upsert}) also lists the ids it {@code updated} and left
 * {@code unchanged}, counts them in the summary, and says per row what became of it
 * ({@code results}); a plain create leaves these out, as the documented shape has them
 * not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkResult(String message, List<String> created, List<String> updated, List<String> unchanged,
		Summary summary, List<ItemError> errors, List<RowOutcome> results) {

	/**
	 * The result of a bulk create; the errors of the various checks are listed by item
	 * position.
	 */
	@SafeVarargs
	public static BulkResult of(String resource, int total, List<String> created, List<ItemError>... errors) {
		List<ItemError> allErrors = sorted(errors);
		int failed = total - created.size();
		String message = "Created " + created.size() + " " + resource + "(s)"
				+ ((failed > 0) ? ", " + failed + " failed" : "");
		return new BulkResult(message, List.copyOf(created), null, null,
				new Summary(total, created.size(), null, null, failed), allErrors, null);
	}

	/**
	 * The result of a bulk upsert: what became of each row that did not fail, in row
	 * order, and why the others failed.
	 */
	@SafeVarargs
	public static BulkResult ofUpsert(String resource, int total, List<RowOutcome> outcomes,
			List<ItemError>... errors) {
		List<RowOutcome> inOrder = outcomes.stream().sorted(Comparator.comparingInt(RowOutcome::index)).toList();
		List<String> created = idsOf(inOrder, RowOutcome.Outcome.CREATED);
		List<String> updated = idsOf(inOrder, RowOutcome.Outcome.UPDATED);
		List<String> unchanged = idsOf(inOrder, RowOutcome.Outcome.UNCHANGED);
		int failed = total - inOrder.size();
		String message = "Created " + created.size() + ", updated " + updated.size() + ", unchanged " + unchanged.size()
				+ " " + resource + "(s)" + ((failed > 0) ? ", " + failed + " failed" : "");
		return new BulkResult(message, created, updated, unchanged,
				new Summary(total, created.size(), updated.size(), unchanged.size(), failed), sorted(errors), inOrder);
	}

	/**
	 * The same result with each error and outcome numbered with its CSV row, as
	 * {@code rows} tells it from the item's index and the error's field.
	 */
	public BulkResult numberedBy(RowNumbers rows) {
		List<ItemError> numberedErrors = (this.errors != null)
				? this.errors.stream().map((error) -> error.atRow(rows.rowOf(error.index(), error.field()))).toList()
				: null;
		List<RowOutcome> numberedResults = (this.results != null)
				? this.results.stream().map((row) -> row.atRow(rows.rowOf(row.index(), null))).toList() : null;
		return new BulkResult(this.message, this.created, this.updated, this.unchanged, this.summary, numberedErrors,
				numberedResults);
	}

	/** Which CSV row an item's field came from. */
	@FunctionalInterface
	public interface RowNumbers {

		/**
		 * @param field the field of an error, or null for the item as a whole
		 */
		int rowOf(int index, String field);

	}

	/** Whether no item succeeded (none created, updated or found unchanged). */
	public boolean nothingCreated() {
		return this.summary.failed() == this.summary.total();
	}

	/**
	 * Answers a bulk request of which no item succeeded: 422, with the same body fields.
	 */
	public BulkResult orFailIfNothingCreated() {
		if (nothingCreated()) {
			throw new NothingCreatedException(this);
		}
		return this;
	}

	@SafeVarargs
	private static List<ItemError> sorted(List<ItemError>... errors) {
		return Stream.of(errors).flatMap(List::stream).sorted(Comparator.comparingInt(ItemError::index)).toList();
	}

	private static List<String> idsOf(List<RowOutcome> outcomes, RowOutcome.Outcome outcome) {
		return outcomes.stream().filter((row) -> row.outcome() == outcome).map(RowOutcome::id).toList();
	}

	/**
	 * How many items the request had, and what became of them; {@code updated} and
	 * {@code unchanged} only for an upsert.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Summary(int total, int created, Integer updated, Integer unchanged, int failed) {

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

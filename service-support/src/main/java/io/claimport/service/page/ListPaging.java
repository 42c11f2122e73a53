package io.claimport.service.page;

import java.util.List;
import java.util.function.Function;

import io.claimport.common.page.Connection;
import io.claimport.common.page.CursorPage;
import io.claimport.common.page.CursorParams;
import io.claimport.common.page.PageResponse;
import io.claimport.common.problem.FieldViolation;
import io.claimport.service.web.OffsetPaging;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;

/**
 * How a list request pages: by cursor ({@code first}/{@code after} or
 * {@code last}/{@code before}) when it gives one of them, else by numbered page
 * ({@code page}/{@code size}, as before cursors; deprecated), in one of the list's sort
 * orders ({@code sort}, {@code -} before it for descending).
 */
public record ListPaging<T>(SortKey<T> sort, CursorPage cursorPage, int page, int size) {

	/**
	 * RFC 9745's {@code Deprecation} of numbered pages: since 2026-12-07, when cursors
	 * replaced them.
	 */
	public static final String NUMBERED_PAGES_DEPRECATED = "@1796601600";

	/**
	 * Reads the paging parameters, adding a violation for each unusable one; null sort
	 * asks for the list's default.
	 */
	public static <T> ListPaging<T> read(String sort, List<SortKey<T>> keys, SortKey<T> defaultSort, String first,
			String after, String last, String before, Integer page, Integer size, List<FieldViolation> violations) {
		SortKey<T> order = (sort == null) ? defaultSort : SortKey.named(sort, keys).orElse(null);
		if (order == null) {
			violations.add(new FieldViolation("sort", "oneOf",
					"sort must be one of " + String.join(", ", keys.stream().map(SortKey::name).toList())
							+ ", each with - before it for descending"));
		}
		boolean cursors = CursorParams.given(first, after, last, before);
		if (cursors && (page != null || size != null)) {
			violations.add(new FieldViolation((page != null) ? "page" : "size", "exclusive",
					"page with first/after or last/before, or with page/size (deprecated), not both"));
		}
		CursorPage cursorPage = null;
		if (cursors && order != null) {
			cursorPage = CursorParams.read(first, after, last, before, order.parameter(), order.parse(), violations);
		}
		return new ListPaging<>(order, cursorPage, (page != null) ? page : 0,
				(size != null) ? size : CursorParams.DEFAULT_SIZE);
	}

	/**
	 * The answer: a connection when paging by cursor, else the numbered page (its depth
	 * bounded) with the {@code Deprecation} header.
	 */
	public <N> ResponseEntity<?> answer(Function<CursorPage, Connection<N>> byCursor, PageReader<N> byNumber) {
		if (this.cursorPage != null) {
			return ResponseEntity.ok(byCursor.apply(this.cursorPage));
		}
		OffsetPaging.check(this.page, this.size);
		Page<N> found = byNumber.read(this.page, this.size);
		return ResponseEntity.ok()
			.header("Deprecation", NUMBERED_PAGES_DEPRECATED)
			.body(PageResponse.of(found.getContent(), this.page, this.size, found.getTotalElements()));
	}

	/** Reads a numbered page. */
	@FunctionalInterface
	public interface PageReader<N> {

		Page<N> read(int page, int size);

	}

}

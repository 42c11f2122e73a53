package io.claimport.catalog.product.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.claimport.catalog.product.domain.Product;
import io.claimport.catalog.product.domain.ProductDraft;
import io.claimport.catalog.product.internal.ProductCatalog;
import io.claimport.catalog.product.internal.ProductSearch;
import io.claimport.catalog.product.internal.ProductSorts;
import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.problem.FieldViolation;
import io.claimport.service.bulk.BulkMode;
import io.claimport.service.bulk.BulkResult;
import io.claimport.service.bulk.BulkValidator;
import io.claimport.service.bulk.Indexed;
import io.claimport.service.csv.CsvItems;
import io.claimport.service.csv.CsvTable;
import io.claimport.service.page.ListPaging;
import io.claimport.service.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.claimport.service.web.VersionTags;
import io.claimport.service.openapi.CursorList;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The products API: bulk create or upsert ({@code ?mode=upsert}), read, change (a merge
 * patch, conditional with {@code If-Match}) and soft delete of one product, and the list.
 */
@RestController
@RequestMapping("/api/v1/products")
class ProductController {

	static final int MAX_BULK = 1000;

	private final ProductCatalog catalog;

	private final BulkValidator bulk;

	private final ProductMapper mapper;

	ProductController(ProductCatalog catalog, BulkValidator bulk, ProductMapper mapper) {
		this.catalog = catalog;
		this.bulk = bulk;
		this.mapper = mapper;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	BulkResult create(CallerIdentity caller, @RequestParam(defaultValue = "create") String mode,
			@RequestBody List<ProductRequest> requests) {
		BulkMode importMode = BulkMode.of(mode);
		return save(caller, importMode, this.bulk.check("product", requests, MAX_BULK)).orFailIfNothingCreated();
	}

	/**
	 * The same import from a CSV file ({@link ProductCsv}): the same limit, upsert switch
	 * and report, each error and outcome with its row.
	 * @param warrantyMonths the warranty of products whose row gives none
	 */
	@PostMapping(consumes = CsvTable.MEDIA_TYPE)
	@ResponseStatus(HttpStatus.CREATED)
	BulkResult importCsv(CallerIdentity caller, @RequestParam(defaultValue = "create") String mode,
			@RequestParam(required = false) @Min(0) @Max(240) Integer warrantyMonths, @RequestBody byte[] body) {
		BulkMode importMode = BulkMode.of(mode);
		CsvItems<ProductRequest> rows = ProductCsv.read(CsvTable.read(body), warrantyMonths);
		BulkResult result = save(caller, importMode,
				this.bulk.check("product", rows.items(), MAX_BULK, rows.refused()));
		return result.numberedBy(rows.rowNumbers()).orFailIfNothingCreated();
	}

	private BulkResult save(CallerIdentity caller, BulkMode mode, BulkValidator.Checked<ProductRequest> checked) {
		List<Indexed<ProductDraft>> drafts = checked.map(this.mapper::toDraft);
		return (mode == BulkMode.UPSERT)
				? this.catalog.upsertProducts(caller.accountId(), checked.total(), drafts, checked.errors())
				: this.catalog.importProducts(caller.accountId(), checked.total(), drafts, checked.errors());
	}

	/**
	 * The account's products, filtered and sorted, walked with cursors ({@code first}/
	 * {@code after}, {@code last}/{@code before}: a connection of edges and pageInfo) or,
	 * as before cursors, by numbered page ({@code page}/{@code size}, the default when no
	 * cursor parameter is given; deprecated, answered with a {@code Deprecation} header).
	 */
	@CursorList(ProductResponse.class)
	@GetMapping
	ResponseEntity<?> list(CallerIdentity caller, @RequestParam(required = false) String q,
			@RequestParam(required = false) List<String> category, @RequestParam(required = false) String sku,
			@RequestParam(required = false) BigDecimal minPrice, @RequestParam(required = false) BigDecimal maxPrice,
			@RequestParam(required = false) Integer warrantyMonths,
			@RequestParam(required = false) Instant createdAfter, @RequestParam(required = false) Instant createdBefore,
			@RequestParam(required = false) Instant updatedAfter,
			@RequestParam(defaultValue = "false") boolean includeDeleted, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String first, @RequestParam(required = false) String after,
			@RequestParam(required = false) String last, @RequestParam(required = false) String before,
			@RequestParam(required = false) @Min(0) Integer page,
			@RequestParam(required = false) @Min(1) @Max(100) Integer size) {
		List<FieldViolation> violations = new ArrayList<>();
		if (q != null && (q.isBlank() || q.length() > 200)) {
			violations.add(new FieldViolation("q", "size", "q must have 1 to 200 characters"));
		}
		if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
			violations.add(new FieldViolation("minPrice", "range", "minPrice must not be above maxPrice"));
		}
		ListPaging<Product> paging = ListPaging.read(sort, ProductSorts.ALL, ProductSorts.CREATED_AT, first, after,
				last, before, page, size, violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		ProductSearch search = new ProductSearch(q, category, sku, minPrice, maxPrice, warrantyMonths, createdAfter,
				createdBefore, updatedAfter, includeDeleted);
		return paging.answer(
				(cursorPage) -> this.catalog.search(caller.accountId(), search, paging.sort(), cursorPage)
					.map(this.mapper::toResponse),
				(number, length) -> this.catalog.searchPage(caller.accountId(), search, paging.sort(), number, length)
					.map(this.mapper::toResponse));
	}

	@GetMapping("/{id}")
	ResponseEntity<ProductResponse> get(CallerIdentity caller, @PathVariable String id) {
		return withEtag(this.catalog.get(caller.accountId(), id));
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<ProductResponse> change(CallerIdentity caller, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody ProductPatch patch) {
		Long expectedVersion = VersionTags.expectedVersion(ifMatch, "product");
		List<FieldViolation> removals = patch.removals();
		if (!removals.isEmpty()) {
			throw new InvalidRequestException(removals);
		}
		return withEtag(this.catalog.change(caller.accountId(), id, expectedVersion, (current) -> {
			ProductRequest next = patch.applyTo(current);
			List<FieldViolation> violations = this.bulk.violations(next);
			if (!violations.isEmpty()) {
				throw new InvalidRequestException(violations);
			}
			return this.mapper.toDraft(next);
		}));
	}

	@DeleteMapping("/{id}")
	@ApiResponse(responseCode = "204", description = "Deleted, or already deleted")
	ResponseEntity<Void> delete(CallerIdentity caller, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.catalog.delete(caller.accountId(), id, VersionTags.expectedVersion(ifMatch, "product"));
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<ProductResponse> withEtag(Product product) {
		return ResponseEntity.ok().eTag(VersionTags.etag(product.getVersion())).body(this.mapper.toResponse(product));
	}

}

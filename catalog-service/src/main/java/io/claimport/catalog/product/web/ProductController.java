package io.claimport.catalog.product.web;

import java.util.List;

import io.claimport.catalog.product.internal.ProductCatalog;
import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.page.PageResponse;
import io.claimport.service.bulk.BulkResult;
import io.claimport.service.bulk.BulkValidator;
import io.claimport.service.web.OffsetPaging;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

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
	BulkResult create(CallerIdentity caller, @RequestBody List<ProductRequest> requests) {
		BulkValidator.Checked<ProductRequest> checked = this.bulk.check("product", requests, MAX_BULK);
		return this.catalog
			.importProducts(caller.accountId(), checked.total(), checked.map(this.mapper::toDraft), checked.errors())
			.orFailIfNothingCreated();
	}

	@GetMapping
	PageResponse<ProductResponse> list(CallerIdentity caller, @RequestParam(required = false) String category,
			@RequestParam(required = false) String sku, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		OffsetPaging.check(page, size);
		Page<ProductResponse> found = this.catalog.search(caller.accountId(), category, sku, page, size)
			.map(this.mapper::toResponse);
		return PageResponse.of(found.getContent(), page, size, found.getTotalElements());
	}

	@GetMapping("/{id}")
	ProductResponse get(CallerIdentity caller, @PathVariable String id) {
		return this.mapper.toResponse(this.catalog.get(caller.accountId(), id));
	}

}

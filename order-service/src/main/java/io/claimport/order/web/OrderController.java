package io.claimport.order.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.problem.FieldViolation;
import io.claimport.order.domain.Order;
import io.claimport.order.domain.OrderDraft;
import io.claimport.order.domain.OrderStatus;
import io.claimport.order.internal.OrderBook;
import io.claimport.order.internal.OrderSearch;
import io.claimport.order.internal.OrderSorts;
import io.claimport.service.bulk.BulkMode;
import io.claimport.service.bulk.BulkResult;
import io.claimport.service.bulk.BulkValidator;
import io.claimport.service.bulk.Indexed;
import io.claimport.service.csv.CsvItems;
import io.claimport.service.csv.CsvTable;
import io.claimport.service.page.ListPaging;
import io.claimport.service.web.InvalidRequestException;
import io.claimport.service.web.VersionTags;
import io.claimport.service.openapi.CursorList;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

	static final int MAX_BULK = 500;

	private final OrderBook orders;

	private final BulkValidator bulk;

	private final OrderMapper mapper;

	OrderController(OrderBook orders, BulkValidator bulk, OrderMapper mapper) {
		this.orders = orders;
		this.bulk = bulk;
		this.mapper = mapper;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	BulkResult create(CallerIdentity caller, @RequestParam(defaultValue = "create") String mode,
			@RequestBody List<OrderRequest> requests) {
		BulkMode importMode = BulkMode.of(mode);
		return save(caller, importMode, this.bulk.check("order", requests, MAX_BULK)).orFailIfNothingCreated();
	}

	/**
	 * The same import from a CSV file, one row per line item ({@link OrderCsv}): the same
	 * limit of orders, upsert switch and report, each error with the row of its field.
	 */
	@PostMapping(consumes = CsvTable.MEDIA_TYPE)
	@ResponseStatus(HttpStatus.CREATED)
	BulkResult importCsv(CallerIdentity caller, @RequestParam(defaultValue = "create") String mode,
			@RequestBody byte[] body) {
		BulkMode importMode = BulkMode.of(mode);
		CsvItems<OrderRequest> rows = OrderCsv.read(CsvTable.read(body));
		BulkResult result = save(caller, importMode, this.bulk.check("order", rows.items(), MAX_BULK, rows.refused()));
		return result.numberedBy(rows.rowNumbers()).orFailIfNothingCreated();
	}

	private BulkResult save(CallerIdentity caller, BulkMode mode, BulkValidator.Checked<OrderRequest> checked) {
		List<Indexed<OrderDraft>> drafts = checked.map(this.mapper::toDraft);
		return (mode == BulkMode.UPSERT)
				? this.orders.upsertOrders(caller.accountId(), checked.total(), drafts, checked.errors())
				: this.orders.importOrders(caller.accountId(), checked.total(), drafts, checked.errors());
	}

	/**
	 * The account's orders, filtered and sorted, walked with cursors or, as before
	 * cursors, by numbered page (deprecated), newest first by default.
	 */
	@CursorList(OrderResponse.class)
	@GetMapping
	ResponseEntity<?> list(CallerIdentity caller, @RequestParam(required = false) List<OrderStatus> status,
			@RequestParam(required = false) @Email String customerEmail,
			@RequestParam(required = false) String orderNumber, @RequestParam(required = false) Instant orderedAfter,
			@RequestParam(required = false) Instant orderedBefore, @RequestParam(required = false) String sku,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String first,
			@RequestParam(required = false) String after, @RequestParam(required = false) String last,
			@RequestParam(required = false) String before, @RequestParam(required = false) @Min(0) Integer page,
			@RequestParam(required = false) @Min(1) @Max(100) Integer size) {
		List<FieldViolation> violations = new ArrayList<>();
		ListPaging<Order> paging = ListPaging.read(sort, OrderSorts.ALL, OrderSorts.CREATED_AT.reversed(), first, after,
				last, before, page, size, violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		OrderSearch search = new OrderSearch(status, customerEmail, orderNumber, orderedAfter, orderedBefore, sku);
		return paging.answer(
				(cursorPage) -> this.orders.search(caller.accountId(), search, paging.sort(), cursorPage)
					.map(this.mapper::toResponse),
				(number, length) -> this.orders.searchPage(caller.accountId(), search, paging.sort(), number, length)
					.map(this.mapper::toResponse));
	}

	@GetMapping("/{id}")
	ResponseEntity<OrderResponse> get(CallerIdentity caller, @PathVariable String id) {
		return withEtag(this.orders.get(caller.accountId(), id));
	}

	/**
	 * Changes an order's status along its life cycle (409 naming the allowed ones
	 * otherwise) and its shipment: a merge patch, conditional with {@code If-Match}.
	 */
	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<OrderResponse> change(CallerIdentity caller, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody OrderPatch patch) {
		Long expectedVersion = VersionTags.expectedVersion(ifMatch, "order");
		List<FieldViolation> violations = new ArrayList<>(patch.removals());
		OrderChangeRequest request = patch.toRequest();
		violations.addAll(this.bulk.violations(request));
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return withEtag(this.orders.change(caller.accountId(), id, expectedVersion, this.mapper.toChange(request)));
	}

	/** The order life cycle: each status and where an order in it may move. */
	@GetMapping("/statuses")
	OrderLifecycleView statuses() {
		return OrderLifecycleView.current();
	}

	private ResponseEntity<OrderResponse> withEtag(Order order) {
		return ResponseEntity.ok().eTag(VersionTags.etag(order.getVersion())).body(this.mapper.toResponse(order));
	}

}

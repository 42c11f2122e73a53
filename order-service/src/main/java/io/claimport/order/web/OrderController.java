package io.claimport.order.web;

import java.util.List;

import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.page.PageResponse;
import io.claimport.order.domain.OrderStatus;
import io.claimport.order.internal.OrderBook;
import io.claimport.service.bulk.BulkResult;
import io.claimport.service.bulk.BulkValidator;
import io.claimport.service.web.OffsetPaging;
import jakarta.validation.constraints.Email;
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
	BulkResult create(CallerIdentity caller, @RequestBody List<OrderRequest> requests) {
		BulkValidator.Checked<OrderRequest> checked = this.bulk.check("order", requests, MAX_BULK);
		return this.orders
			.importOrders(caller.accountId(), checked.total(), checked.map(this.mapper::toDraft), checked.errors())
			.orFailIfNothingCreated();
	}

	@GetMapping
	PageResponse<OrderResponse> list(CallerIdentity caller, @RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) @Email String customerEmail,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		OffsetPaging.check(page, size);
		Page<OrderResponse> found = this.orders.search(caller.accountId(), status, customerEmail, page, size)
			.map(this.mapper::toResponse);
		return PageResponse.of(found.getContent(), page, size, found.getTotalElements());
	}

	@GetMapping("/{id}")
	OrderResponse get(CallerIdentity caller, @PathVariable String id) {
		return this.mapper.toResponse(this.orders.get(caller.accountId(), id));
	}

}

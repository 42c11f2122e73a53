package io.claimport.audit.request.web;

import io.claimport.audit.request.domain.RequestFilter;
import io.claimport.audit.request.internal.RequestLog;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.identity.CallerIdentity;
import io.claimport.service.openapi.CursorList;
import io.claimport.service.page.ListPaging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every request the gateway answered, including those of callers it could not identify.
 * Reached through the gateway's admin API ({@code /admin/v1/audit/requests}) with the
 * admin token.
 */
@RestController
class OperatorAuditController {

	private final RequestLog requestLog;

	OperatorAuditController(RequestLog requestLog) {
		this.requestLog = requestLog;
	}

	@CursorList(RequestLogged.class)
	@GetMapping("/ops/v1/requests")
	ResponseEntity<?> requests(CallerIdentity caller, @RequestParam(required = false) String accountId,
			@RequestParam(required = false) @Min(100) @Max(599) Integer status,
			@RequestParam(required = false) @Min(100) @Max(599) Integer minStatus,
			@RequestParam(required = false) @Min(100) @Max(599) Integer maxStatus,
			@RequestParam(required = false) String keyId, @RequestParam(required = false) String method,
			@RequestParam(required = false) String pathPrefix, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String first, @RequestParam(required = false) String after,
			@RequestParam(required = false) String last, @RequestParam(required = false) String before,
			@RequestParam(required = false) @Min(0) Integer page,
			@RequestParam(required = false) @Min(1) @Max(200) Integer size) {
		refuseUnlessOperator(caller);
		RequestFilter filter = RequestLogQuery.filter(status, minStatus, maxStatus, keyId, method, pathPrefix, from, to)
			.forAccount(accountId);
		ListPaging<RequestLogged> paging = RequestLogPaging.read(sort, first, after, last, before, page, size);
		return paging.answer((cursorPage) -> this.requestLog.forOperators(filter, paging.sort(), cursorPage),
				(number, length) -> this.requestLog.forOperators(filter, number, length));
	}

	@GetMapping(path = "/ops/v1/requests", produces = "text/csv")
	@Operation(summary = "Every request as CSV: the newest that match the filters, at most limit")
	ResponseEntity<String> requestsCsv(CallerIdentity caller, @RequestParam(required = false) String accountId,
			@RequestParam(required = false) @Min(100) @Max(599) Integer status,
			@RequestParam(required = false) @Min(100) @Max(599) Integer minStatus,
			@RequestParam(required = false) @Min(100) @Max(599) Integer maxStatus,
			@RequestParam(required = false) String keyId, @RequestParam(required = false) String method,
			@RequestParam(required = false) String pathPrefix, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Integer limit) {
		refuseUnlessOperator(caller);
		RequestFilter filter = RequestLogQuery.filter(status, minStatus, maxStatus, keyId, method, pathPrefix, from, to)
			.forAccount(accountId);
		return RequestLogQuery.csv(this.requestLog.newestForOperators(filter, RequestLogQuery.limit(limit)));
	}

	private static void refuseUnlessOperator(CallerIdentity caller) {
		if (!caller.isOperator()) {
			throw new AccessDeniedException("Only operators can read every account's requests.");
		}
	}

}

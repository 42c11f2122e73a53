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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The calling account's own requests. */
@RestController
class AuditController {

	private final RequestLog requestLog;

	AuditController(RequestLog requestLog) {
		this.requestLog = requestLog;
	}

	/**
	 * Newest first, filtered, walked with cursors (a connection of edges and pageInfo)
	 * or, as before cursors, by numbered page (the default; deprecated).
	 */
	@CursorList(RequestLogged.class)
	@GetMapping("/api/v1/audit/requests")
	ResponseEntity<?> requests(CallerIdentity caller,
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
		RequestFilter filter = RequestLogQuery.filter(status, minStatus, maxStatus, keyId, method, pathPrefix, from,
				to);
		ListPaging<RequestLogged> paging = RequestLogPaging.read(sort, first, after, last, before, page, size);
		return paging.answer(
				(cursorPage) -> this.requestLog.forAccount(caller.accountId(), filter, paging.sort(), cursorPage),
				(number, length) -> this.requestLog.forAccount(caller.accountId(), filter, number, length));
	}

	@GetMapping(path = "/api/v1/audit/requests", produces = "text/csv")
	@Operation(summary = "The account's requests as CSV: the newest that match the filters, at most limit")
	ResponseEntity<String> requestsCsv(CallerIdentity caller,
			@RequestParam(required = false) @Min(100) @Max(599) Integer status,
			@RequestParam(required = false) @Min(100) @Max(599) Integer minStatus,
			@RequestParam(required = false) @Min(100) @Max(599) Integer maxStatus,
			@RequestParam(required = false) String keyId, @RequestParam(required = false) String method,
			@RequestParam(required = false) String pathPrefix, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Integer limit) {
		RequestFilter filter = RequestLogQuery.filter(status, minStatus, maxStatus, keyId, method, pathPrefix, from,
				to);
		return RequestLogQuery
			.csv(this.requestLog.newestOfAccount(caller.accountId(), filter, RequestLogQuery.limit(limit)));
	}

}

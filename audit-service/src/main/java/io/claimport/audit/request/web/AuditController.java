package io.claimport.audit.request.web;

import io.claimport.audit.request.internal.RequestLog;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.identity.CallerIdentity;
import io.claimport.service.page.ListPaging;
import io.claimport.service.openapi.CursorList;
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
	 * Newest first, walked with cursors (a connection of edges and pageInfo) or, as
	 * before cursors, by numbered page (the default; deprecated).
	 */
	@CursorList(RequestLogged.class)
	@GetMapping("/api/v1/audit/requests")
	ResponseEntity<?> requests(CallerIdentity caller,
			@RequestParam(required = false) @Min(100) @Max(599) Integer status,
			@RequestParam(required = false) String keyId, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String first, @RequestParam(required = false) String after,
			@RequestParam(required = false) String last, @RequestParam(required = false) String before,
			@RequestParam(required = false) @Min(0) Integer page,
			@RequestParam(required = false) @Min(1) @Max(200) Integer size) {
		ListPaging<RequestLogged> paging = RequestLogPaging.read(sort, first, after, last, before, page, size);
		return paging.answer(
				(cursorPage) -> this.requestLog.forAccount(caller.accountId(), status, keyId, paging.sort(),
						cursorPage),
				(number, length) -> this.requestLog.forAccount(caller.accountId(), status, keyId, number, length));
	}

}

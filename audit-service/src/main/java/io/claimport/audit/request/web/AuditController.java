package io.claimport.audit.request.web;

import io.claimport.audit.request.internal.RequestLog;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.page.PageResponse;
import io.claimport.service.web.OffsetPaging;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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

	@GetMapping("/api/v1/audit/requests")
	PageResponse<RequestLogged> requests(CallerIdentity caller,
			@RequestParam(required = false) @Min(100) @Max(599) Integer status,
			@RequestParam(required = false) String keyId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		OffsetPaging.check(page, size);
		return this.requestLog.forAccount(caller.accountId(), status, keyId, page, size);
	}

}

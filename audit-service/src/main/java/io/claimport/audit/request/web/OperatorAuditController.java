package io.claimport.audit.request.web;

import io.claimport.audit.request.internal.RequestLog;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.page.PageResponse;
import io.claimport.service.web.OffsetPaging;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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

	@GetMapping("/ops/v1/requests")
	PageResponse<RequestLogged> requests(CallerIdentity caller, @RequestParam(required = false) String accountId,
			@RequestParam(required = false) @Min(100) @Max(599) Integer status,
			@RequestParam(required = false) String keyId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		if (!caller.isOperator()) {
			throw new AccessDeniedException("Only operators can read every account's requests.");
		}
		OffsetPaging.check(page, size);
		return this.requestLog.forOperators(accountId, status, keyId, page, size);
	}

}

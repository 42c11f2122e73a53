package io.claimport.audit.request.web;

import java.util.ArrayList;
import java.util.List;

import io.claimport.audit.request.internal.RequestLog;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.problem.FieldViolation;
import io.claimport.service.page.ListPaging;
import io.claimport.service.web.InvalidRequestException;

/**
 * How a request-log list pages: by cursor ({@code first}/{@code after},
 * {@code last}/{@code before}), or by numbered page as before cursors (deprecated);
 * newest first unless {@code sort=receivedAt}.
 */
final class RequestLogPaging {

	private RequestLogPaging() {
	}

	static ListPaging<RequestLogged> read(String sort, String first, String after, String last, String before,
			Integer page, Integer size) {
		List<FieldViolation> violations = new ArrayList<>();
		ListPaging<RequestLogged> paging = ListPaging.read(sort, List.of(RequestLog.RECEIVED_AT),
				RequestLog.RECEIVED_AT, first, after, last, before, page, size, violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return paging;
	}

}

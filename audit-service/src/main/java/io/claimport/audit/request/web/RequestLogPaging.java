package io.claimport.audit.request.web;

import java.util.ArrayList;
import java.util.List;

import io.claimport.audit.request.internal.RequestLog;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.page.CursorParams;
import io.claimport.common.problem.FieldViolation;
import io.claimport.service.page.ListPaging;
import io.claimport.service.web.InvalidRequestException;

/**
 * How a request-log list pages: by cursor ({@code first}/{@code after},
 * {@code last}/{@code before}), or by numbered page as before cursors (deprecated);
 * newest first unless {@code sort=receivedAt}.
 */
final class RequestLogPaging {

	/** The size of a numbered page that gives none, as before cursors. */
	static final int NUMBERED_SIZE = 50;

	private RequestLogPaging() {
	}

	static ListPaging<RequestLogged> read(String sort, String first, String after, String last, String before,
			Integer page, Integer size) {
		List<FieldViolation> violations = new ArrayList<>();
		// numbered pages keep the size they had before cursors
		Integer numberedSize = (size == null && !CursorParams.given(first, after, last, before))
				? Integer.valueOf(NUMBERED_SIZE) : size;
		ListPaging<RequestLogged> paging = ListPaging.read(sort, List.of(RequestLog.RECEIVED_AT),
				RequestLog.RECEIVED_AT, first, after, last, before, page, numberedSize, violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return paging;
	}

}

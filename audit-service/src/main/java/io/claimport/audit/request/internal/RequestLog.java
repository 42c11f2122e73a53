package io.claimport.audit.request.internal;

import java.util.List;
import java.util.Objects;

import io.claimport.audit.request.domain.StorableRequest;
import io.claimport.common.event.LoggedRequests;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.page.PageResponse;
import io.claimport.service.messaging.ProcessedEventLedger;
import io.claimport.service.messaging.ReceivedEvent;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gateway's request log, stored from its events and read per account or by operators.
 */
@Service
public class RequestLog {

	static final String CONSUMER = "audit-request-log";

	private final RequestLogStore store;

	private final ProcessedEventLedger ledger;

	RequestLog(RequestLogStore store, ProcessedEventLedger ledger) {
		this.store = store;
		this.ledger = ledger;
	}

	/**
	 * Stores the requests of a request-log event, each once however often it comes, and
	 * each made to fit its columns, so that no entry can fail the others.
	 */
	@Transactional
	public void record(ReceivedEvent event) {
		List<RequestLogged> requests = StorableRequest.all(LoggedRequests.in(event.payload()),
				event.envelope().occurredAt());
		if (!requests.isEmpty() && this.ledger.firstDelivery(CONSUMER, event.envelope())) {
			this.store.insertAll(requests);
		}
	}

	/** One account's requests, newest first. */
	@Transactional(readOnly = true)
	public PageResponse<RequestLogged> forAccount(String accountId, Integer status, String keyId, int page, int size) {
		// without an account the filter would match every account's requests
		Objects.requireNonNull(accountId, "accountId");
		return find(new RequestLogStore.Filter(accountId, status, keyId), page, size);
	}

	/**
	 * Every request, the unidentified ones too, newest first; filtered by account when
	 * one is given. For operators only.
	 */
	@Transactional(readOnly = true)
	public PageResponse<RequestLogged> forOperators(String accountId, Integer status, String keyId, int page,
			int size) {
		return find(new RequestLogStore.Filter(accountId, status, keyId), page, size);
	}

	private PageResponse<RequestLogged> find(RequestLogStore.Filter filter, int page, int size) {
		RequestLogStore.Page found = this.store.find(filter, page, size);
		return PageResponse.of(found.entries(), page, size, found.total());
	}

}

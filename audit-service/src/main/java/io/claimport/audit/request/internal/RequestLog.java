package io.claimport.audit.request.internal;

import java.util.List;
import java.util.Objects;

import io.claimport.audit.request.domain.StorableRequest;
import io.claimport.common.event.LoggedRequests;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.page.PageResponse;
import io.claimport.service.messaging.ProcessedEventLedger;
import io.claimport.service.messaging.ReceivedEvent;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
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

	private final Tracer tracer;

	RequestLog(RequestLogStore store, ProcessedEventLedger ledger, ObjectProvider<Tracer> tracer) {
		this.store = store;
		this.ledger = ledger;
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
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
			requests.forEach(this::markInItsTrace);
		}
	}

	/**
	 * The request log travels in batches, outside any one request's trace: a short span
	 * in the trace of each sampled request shows where that request's entry was stored.
	 */
	private void markInItsTrace(RequestLogged request) {
		if (request.traceId() == null || request.spanId() == null) {
			return;
		}
		TraceContext gatewaySpan = this.tracer.traceContextBuilder()
			.traceId(request.traceId())
			.spanId(request.spanId())
			.sampled(true)
			.build();
		this.tracer.spanBuilder()
			.setParent(gatewaySpan)
			.name("request log stored")
			.tag("claimport.request_id", request.requestId())
			.start()
			.end();
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

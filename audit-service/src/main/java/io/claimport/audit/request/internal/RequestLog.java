package io.claimport.audit.request.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.claimport.audit.request.domain.RequestFilter;
import io.claimport.audit.request.domain.StorableRequest;
import io.claimport.common.event.LoggedRequests;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.page.Connection;
import io.claimport.common.page.CursorPage;
import io.claimport.service.messaging.ProcessedEventLedger;
import io.claimport.service.messaging.ReceivedEvent;
import io.claimport.service.page.SortKey;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
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

	/** How the request log is ordered: by when the gateway received a request. */
	public static final SortKey<RequestLogged> RECEIVED_AT = new SortKey<>("receivedAt", "received_at", false,
			RequestLogged::receivedAt, Instant::parse);

	/** One account's requests matching the filter, a page beyond a cursor. */
	@Transactional(readOnly = true)
	public Connection<RequestLogged> forAccount(String accountId, RequestFilter filter, SortKey<RequestLogged> sort,
			CursorPage page) {
		// without an account the filter would match every account's requests
		Objects.requireNonNull(accountId, "accountId");
		return this.store.walk(filter.forAccount(accountId), sort, page);
	}

	/** One account's requests by numbered page, newest first (deprecated). */
	@Transactional(readOnly = true)
	public Page<RequestLogged> forAccount(String accountId, RequestFilter filter, int page, int size) {
		Objects.requireNonNull(accountId, "accountId");
		return find(filter.forAccount(accountId), page, size);
	}

	/** One account's newest requests matching the filter, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<RequestLogged> newestOfAccount(String accountId, RequestFilter filter, int limit) {
		Objects.requireNonNull(accountId, "accountId");
		return this.store.newest(filter.forAccount(accountId), limit);
	}

	/**
	 * Every request, the unidentified ones too, a page beyond a cursor; filtered by
	 * account when the filter names one. For operators only.
	 */
	@Transactional(readOnly = true)
	public Connection<RequestLogged> forOperators(RequestFilter filter, SortKey<RequestLogged> sort, CursorPage page) {
		return this.store.walk(filter, sort, page);
	}

	/** Every request by numbered page, newest first (deprecated). For operators only. */
	@Transactional(readOnly = true)
	public Page<RequestLogged> forOperators(RequestFilter filter, int page, int size) {
		return find(filter, page, size);
	}

	/**
	 * The newest requests matching the filter, at most {@code limit}. For operators only.
	 */
	@Transactional(readOnly = true)
	public List<RequestLogged> newestForOperators(RequestFilter filter, int limit) {
		return this.store.newest(filter, limit);
	}

	private Page<RequestLogged> find(RequestFilter filter, int page, int size) {
		RequestLogStore.Page found = this.store.find(filter, page, size);
		return new PageImpl<>(found.entries(), PageRequest.of(page, size), found.total());
	}

}

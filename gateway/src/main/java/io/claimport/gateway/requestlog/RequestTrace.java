package io.claimport.gateway.requestlog;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's span of a request, as the request log records it: the ids of the span the
 * server observation opened, when its trace is sampled (an unsampled trace is in no
 * backend, so its id would lead nowhere).
 */
record RequestTrace(String traceId, String spanId) {

	static final RequestTrace NONE = new RequestTrace(null, null);

	static RequestTrace of(ServerWebExchange exchange) {
		ServerRequestObservationContext observation = ServerRequestObservationContext
			.findCurrent(exchange.getAttributes())
			.orElse(null);
		if (observation == null) {
			return NONE;
		}
		TracingObservationHandler.TracingContext tracing = observation
			.get(TracingObservationHandler.TracingContext.class);
		Span span = (tracing != null) ? tracing.getSpan() : null;
		if (span == null) {
			return NONE;
		}
		TraceContext context = span.context();
		return Boolean.TRUE.equals(context.sampled()) ? new RequestTrace(context.traceId(), context.spanId()) : NONE;
	}

}

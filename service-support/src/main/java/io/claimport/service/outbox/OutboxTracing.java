package io.claimport.service.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a change's trace across the outbox, where the thread that sends an event is not
 * the one that committed it: the committing request's W3C trace context
 * ({@code traceparent}) is stored with the record, and the relay sends the record inside
 * a span that continues that trace, so the trace runs on from the request through Kafka
 * to every consumer. Without tracing it stores and continues nothing.
 */
class OutboxTracing {

	static final String TRACE_PARENT = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	OutboxTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	static OutboxTracing none() {
		return new OutboxTracing(null, null);
	}

	/**
	 * The current trace context as headers ({@code traceparent}, …); empty outside one.
	 */
	Map<String, String> current() {
		Map<String, String> headers = new LinkedHashMap<>();
		if (this.tracer != null) {
			Span span = this.tracer.currentSpan();
			if (span != null) {
				this.propagator.inject(span.context(), headers, Map::put);
			}
		}
		return headers;
	}

	/** Runs the work in a span named so, continuing the trace the headers carry. */
	<T> T continued(Map<String, String> headers, String name, Supplier<T> work) {
		if (this.tracer == null || !headers.containsKey(TRACE_PARENT)) {
			return work.get();
		}
		Span span = this.propagator.extract(headers, Map::get).name(name).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			return work.get();
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

}

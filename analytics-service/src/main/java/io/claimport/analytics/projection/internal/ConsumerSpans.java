package io.claimport.analytics.projection.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A consumer span per record of a poll the projection applies together, each a child of
 * the span that sent the record (its W3C {@code traceparent} header), so that every
 * event's trace reaches the projection although a poll is applied in one transaction
 * (Spring Kafka observes records one by one only for record listeners).
 */
final class ConsumerSpans {

	private static final String TRACE_PARENT = "traceparent";

	private ConsumerSpans() {
	}

	/** Started spans of the records whose sender's trace was sampled. */
	static List<Span> started(Tracer tracer, List<ConsumerRecord<String, String>> records) {
		List<Span> spans = new ArrayList<>();
		for (ConsumerRecord<String, String> record : records) {
			Header header = record.headers().lastHeader(TRACE_PARENT);
			if (header == null) {
				continue;
			}
			String[] parts = new String(header.value(), StandardCharsets.US_ASCII).split("-");
			if (parts.length != 4 || parts[1].length() != 32 || parts[2].length() != 16
					|| (Integer.parseInt(parts[3], 16) & 1) == 0) {
				continue;
			}
			TraceContext sender = tracer.traceContextBuilder().traceId(parts[1]).spanId(parts[2]).sampled(true).build();
			spans.add(tracer.spanBuilder()
				.setParent(sender)
				.name(record.topic() + " process")
				.kind(Span.Kind.CONSUMER)
				.tag("messaging.system", "kafka")
				.tag("messaging.destination.name", record.topic())
				.tag("messaging.kafka.offset", String.valueOf(record.offset()))
				.start());
		}
		return spans;
	}

}

package io.claimport.testsupport;

import java.util.List;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every span a service under test ends, kept in memory: import it into a test's context
 * ({@code @Import(RecordedSpans.class)}, with sampling at 1.0) to see what a trace
 * backend would receive.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedSpans {

	private static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();

	@Bean
	SpanProcessor recordedSpans() {
		return SimpleSpanProcessor.create(EXPORTER);
	}

	/** The spans ended so far in this JVM's contexts that import this, of one trace. */
	public static List<SpanData> ofTrace(String traceId) {
		return EXPORTER.getFinishedSpanItems().stream().filter((span) -> span.getTraceId().equals(traceId)).toList();
	}

}

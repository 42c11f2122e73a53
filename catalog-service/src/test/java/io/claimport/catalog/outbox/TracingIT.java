package io.claimport.catalog.outbox;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.claimport.common.event.CloudEventHeaders;
import io.claimport.common.event.Topics;
import io.claimport.common.id.PublicIds;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.RecordedSpans;
import io.claimport.testsupport.ServiceIntegrationTest;
import io.claimport.testsupport.TestIdentities;
import io.claimport.testsupport.TestInfrastructure;
import io.claimport.testsupport.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A change's trace runs on through the outbox: the event the request committed reaches
 * Kafka in the same trace, so the consumers' spans join it.
 */
@ServiceIntegrationTest
@Import(RecordedSpans.class)
@TestPropertySource(properties = "management.tracing.sampling.probability=1.0")
class TracingIT {

	@Value("${local.server.port}")
	int port;

	@Test
	void anEventLeavesTheOutboxInTheTraceOfTheRequestThatCommittedIt() {
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String callerSpan = HexFormat.of().formatHex(randomBytes(8));
		String account = PublicIds.next("acct");
		ApiClient.Response created = new ApiClient("http://localhost:" + this.port)
			.with("Authorization", TestIdentities.bearer(account, "products:write"))
			.with("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
			.post("/api/v1/products", List.of(Map.of("name", "Traced lamp", "sku", "TRACE-" + traceId.substring(0, 8),
					"category", "Home", "price", 12.5, "warrantyMonths", 6)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String productId = created.json().get("created").get(0).asString();

		try (TopicReader products = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.PRODUCTS)) {
			TopicReader.Received event = await().atMost(Duration.ofSeconds(30))
				.until(() -> products.records().stream().filter((record) -> productId.equals(record.key())).findFirst(),
						(found) -> found.isPresent())
				.get();
			// CloudEvents' tracing extension: the request's own span, which made
			// the change
			assertThat(event.headers().get(CloudEventHeaders.TRACE_PARENT))

				.startsWith("00-" + traceId + "-")
				.doesNotContain(callerSpan);
			// W3C trace context for the consumers: the sending span, in the same trace
			assertThat(event.headers().get("traceparent")).startsWith("00-" + traceId + "-");
		}

		List<SpanData> spans = await().atMost(Duration.ofSeconds(10))
			.until(() -> RecordedSpans.ofTrace(traceId),
					(trace) -> trace.stream().anyMatch((span) -> span.getKind() == SpanKind.PRODUCER));
		assertThat(spans).anySatisfy((span) -> {
			assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
			assertThat(span.getParentSpanId()).isEqualTo(callerSpan);
		});
		assertThat(spans).extracting(SpanData::getName).contains("outbox relay ProductCreated");
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		ThreadLocalRandom.current().nextBytes(bytes);
		bytes[0] |= 1;
		return bytes;
	}

}

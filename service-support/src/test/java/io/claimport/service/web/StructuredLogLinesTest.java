package io.claimport.service.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service writes in the images (LOG_FORMAT=ecs): each line a JSON object that
 * names the gateway's request id and the trace, so a log shipper finds a request's lines.
 */
class StructuredLogLinesTest {

	@Test
	void aLineWrittenWhileARequestIsHandledNamesItsRequestIdTraceAndSpan() throws Exception {
		StructuredLogEncoder encoder = ecsEncoder();
		List<byte[]> lines = new ArrayList<>();
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/products");
		request.addHeader("X-Request-Id", "2d1f0c3e-5a4b-4c7d-8e9f-0a1b2c3d4e5f");
		MDC.put("traceId", "0af7651916cd43dd8448eb211c80319c");
		MDC.put("spanId", "b7ad6b7169203331");
		try {
			new RequestIdLogging().doFilter(request, new MockHttpServletResponse(), (req, res) -> lines.add(encoder
				.encode(event("Integrity violation that validation should have " + "prevented (SQLSTATE 23505)"))));
		}
		finally {
			MDC.clear();
		}

		JsonNode line = JsonMapper.builder().build().readTree(new String(lines.get(0), StandardCharsets.UTF_8));
		assertThat(line.get("requestId").asString()).isEqualTo("2d1f0c3e-5a4b-4c7d-8e9f-0a1b2c3d4e5f");
		assertThat(line.get("traceId").asString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
		assertThat(line.get("spanId").asString()).isEqualTo("b7ad6b7169203331");
		assertThat(line.get("service").get("name").asString()).isEqualTo("catalog-service");
		assertThat(line.get("log").get("level").asString()).isEqualTo("ERROR");
	}

	private static StructuredLogEncoder ecsEncoder() {
		LoggerContext context = new LoggerContext();
		context.putObject(Environment.class.getName(),
				new MockEnvironment().withProperty("spring.application.name", "catalog-service"));
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("ecs");
		encoder.start();
		return encoder;
	}

	private static LoggingEvent event(String message) {
		// the context SLF4J logs through, whose MDC the request's filter filled
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		LoggingEvent event = new LoggingEvent(StructuredLogLinesTest.class.getName(),
				context.getLogger("io.claimport.service.web.ApiProblems"), Level.ERROR, message, null, null);
		event.getMDCPropertyMap();
		return event;
	}

}

package io.claimport.service.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdLoggingTest {

	@Test
	void everyLineOfARequestCarriesTheGatewaysRequestIdAndNoLaterOneDoes() throws Exception {
		List<String> seen = new ArrayList<>();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/products");
		request.addHeader("X-Request-Id", "7f3c2a9e-1b4d-4c8e-9a2f-0d6b5e4c3a21");

		new RequestIdLogging().doFilter(request, new MockHttpServletResponse(),
				(req, res) -> seen.add(MDC.get(RequestIdLogging.MDC_KEY)));

		assertThat(seen).containsExactly("7f3c2a9e-1b4d-4c8e-9a2f-0d6b5e4c3a21");
		assertThat(MDC.get(RequestIdLogging.MDC_KEY)).isNull();
	}

	@Test
	void aValueThatIsNotAnIdNeverReachesTheLog() throws Exception {
		for (String forged : List.of("abc\ninjected line", "x".repeat(65), "<script>", "")) {
			List<String> seen = new ArrayList<>();
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/products");
			request.addHeader("X-Request-Id", forged);

			new RequestIdLogging().doFilter(request, new MockHttpServletResponse(),
					(req, res) -> seen.add(MDC.get(RequestIdLogging.MDC_KEY)));

			assertThat(seen).as(forged).containsExactly((String) null);
		}
	}

}

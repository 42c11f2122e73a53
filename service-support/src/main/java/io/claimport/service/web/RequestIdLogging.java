package io.claimport.service.web;

import java.io.IOException;
import java.util.regex.Pattern;

import io.claimport.common.http.GatewayHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the gateway's request id ({@code X-Request-Id}, the id of the caller's answer and
 * of its request-log entry) in the logging context as {@code requestId} while the service
 * handles the request, so that a service's log lines are found by the id an integrator
 * quotes. A value that is not an id (too long, or with characters an id does not have) is
 * left out rather than written to the log.
 */
public class RequestIdLogging extends OncePerRequestFilter {

	public static final String MDC_KEY = "requestId";

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = request.getHeader(GatewayHeaders.REQUEST_ID);
		if (requestId == null || !ID.matcher(requestId).matches()) {
			chain.doFilter(request, response);
			return;
		}
		MDC.put(MDC_KEY, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

}

package io.claimport.gateway.web;

import java.util.Locale;
import java.util.Set;

import io.claimport.common.problem.StatusProblem;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a request for its shape before any credential is read, so that the answer says
 * what is wrong rather than that the caller is unknown: a method the API does not serve
 * (TRACE, PROPFIND, a lower-case {@code get}) is 405 with {@code Allow} (not 501 for an
 * unknown one: a 5xx counts as our fault in every error rate), and a path not in normal
 * form (a dot segment, {@code ;}, an encoded slash or backslash, a NUL, a malformed
 * escape) is 400: a service behind the gateway could read such a path differently from
 * the gateway's routes and checks.
 */
@Component
class RequestShapeCheck implements RequestCheck {

	static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

	/**
	 * The largest body the services read (8 MiB): a larger declared one is refused here,
	 * before it crosses to a service that would hang up while it is still being sent.
	 */
	static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

	private static final Set<String> SERVED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	private final Problems problems;

	RequestShapeCheck(Problems problems) {
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return FilterOrder.REQUEST_SHAPE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String method = exchange.getRequest().getMethod().name();
		if (!SERVED.contains(method)) {
			exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, ALLOW);
			return this.problems.reject(exchange, "method_not_served", problem(HttpStatus.METHOD_NOT_ALLOWED,
					"The API does not serve this method (methods are case-sensitive); it takes " + ALLOW + "."));
		}
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > MAX_BODY_BYTES) {
			return this.problems.reject(exchange, "body_too_large", problem(HttpStatus.CONTENT_TOO_LARGE,
					"The request body has " + length + " bytes; the API takes at most " + MAX_BODY_BYTES + "."));
		}
		String why = notNormal(exchange.getRequest().getURI().getRawPath());
		if (why != null) {
			return this.problems.reject(exchange, "path_not_normal",
					problem(HttpStatus.BAD_REQUEST, "The request path is not in normal form: " + why + "."));
		}
		return chain.filter(exchange);
	}

	/** Why a raw path is not in normal form, or null when it is. */
	static String notNormal(String rawPath) {
		if (rawPath == null || rawPath.isEmpty()) {
			return null;
		}
		if (rawPath.indexOf('\\') >= 0) {
			return "it holds a backslash";
		}
		if (rawPath.indexOf(';') >= 0) {
			return "it holds ';'";
		}
		for (int i = 0; i < rawPath.length(); i++) {
			char c = rawPath.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				return "it holds a control character";
			}
			if (c == '%') {
				if (i + 2 >= rawPath.length() || !isHex(rawPath.charAt(i + 1)) || !isHex(rawPath.charAt(i + 2))) {
					return "it holds a '%' that does not start an escape";
				}
				String escape = rawPath.substring(i + 1, i + 3).toUpperCase(Locale.ROOT);
				if (escape.equals("2F") || escape.equals("5C")) {
					return "it holds an encoded slash or backslash";
				}
				if (escape.equals("00") || escape.charAt(0) < '2' || escape.equals("7F")) {
					return "it holds an encoded control character";
				}
			}
		}
		for (String segment : rawPath.split("/", -1)) {
			String decoded = segment.replaceAll("(?i)%2e", ".");
			if (decoded.equals(".") || decoded.equals("..")) {
				return "it holds a dot segment";
			}
		}
		return null;
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		StatusProblem known = StatusProblem.of(status.value());
		return Problems.of(status, known.type(), known.title(), detail);
	}

}

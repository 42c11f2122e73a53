package io.claimport.gateway.web;

import io.claimport.common.problem.ServedMethods;
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
public class RequestShapeCheck implements RequestCheck {

	/**
	 * The largest body the services read (8 MiB): a larger declared one is refused here,
	 * before it crosses to a service that would hang up while it is still being sent.
	 */
	public static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

	private final Problems problems;

	RequestShapeCheck(Problems problems) {
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return CheckOrder.REQUEST_SHAPE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String method = exchange.getRequest().getMethod().name();
		if (!ServedMethods.isServed(method)) {
			exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, ServedMethods.ALLOW);
			return this.problems.reject(exchange, "method_not_served",
					problem(HttpStatus.METHOD_NOT_ALLOWED,
							"The API does not serve this method (methods are case-sensitive); it takes "
									+ ServedMethods.ALLOW + "."));
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

	/**
	 * Why a raw path is not in normal form, or null when it is. One pass over the path,
	 * with no copies: it runs on every request.
	 */
	static String notNormal(String rawPath) {
		if (rawPath == null) {
			return null;
		}
		int segmentStart = 0;
		for (int i = 0; i <= rawPath.length(); i++) {
			char c = (i < rawPath.length()) ? rawPath.charAt(i) : '/';
			if (c == '/') {
				if (isDotSegment(rawPath, segmentStart, i)) {
					return "it holds a dot segment";
				}
				segmentStart = i + 1;
			}
			else if (c == '\\') {
				return "it holds a backslash";
			}
			else if (c == ';') {
				return "it holds ';'";
			}
			else if (c < 0x20 || c == 0x7f) {
				return "it holds a control character";
			}
			else if (c == '%') {
				if (i + 2 >= rawPath.length() || !isHex(rawPath.charAt(i + 1)) || !isHex(rawPath.charAt(i + 2))) {
					return "it holds a '%' that does not start an escape";
				}
				int escaped = Character.digit(rawPath.charAt(i + 1), 16) * 16
						+ Character.digit(rawPath.charAt(i + 2), 16);
				if (escaped == '/' || escaped == '\\') {
					return "it holds an encoded slash or backslash";
				}
				if (escaped < 0x20 || escaped == 0x7f) {
					return "it holds an encoded control character";
				}
			}
		}
		return null;
	}

	/**
	 * Whether {@code path[start, end)} is {@code .} or {@code ..}, dots plain or as
	 * {@code %2e}.
	 */
	private static boolean isDotSegment(String path, int start, int end) {
		int dots = 0;
		int i = start;
		while (i < end) {
			if (path.charAt(i) == '.') {
				i++;
			}
			else if (i + 2 < end && path.charAt(i) == '%' && path.charAt(i + 1) == '2'
					&& (path.charAt(i + 2) == 'e' || path.charAt(i + 2) == 'E')) {
				i += 3;
			}
			else {
				return false;
			}
			dots++;
		}
		return dots == 1 || dots == 2;
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		StatusProblem known = StatusProblem.of(status.value());
		return Problems.of(status, known.type(), known.title(), detail);
	}

}

package io.claimport.common.problem;

import java.net.URI;

/**
 * The problem an HTTP error status stands for when nothing more is known: an answer that
 * the servlet container or Netty refuses on its own (a malformed request line, too many
 * headers), or an error page. Rendered as RFC 9457 JSON without a JSON library, because
 * those places have none at hand.
 */
public record StatusProblem(int status, URI type, String title, String detail) {

	public static StatusProblem of(int status) {
		return switch (status) {
			case 400 -> new StatusProblem(status, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
					"The request is not well-formed: check its path (no encoded slash or backslash, NUL, dot segment, "
							+ "';' or stray '%'), its query and its headers.");
			case 401 -> new StatusProblem(status, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
					"The request carries no valid credentials.");
			case 403 -> new StatusProblem(status, ProblemTypes.FORBIDDEN, "Forbidden",
					"This identity may not make this request.");
			case 404 -> new StatusProblem(status, ProblemTypes.NOT_FOUND, "Not found", "Nothing exists at this path.");
			case 405 -> new StatusProblem(status, ProblemTypes.METHOD_NOT_ALLOWED, "Method not allowed",
					"This path does not take this method; the Allow header names those it takes.");
			case 406 -> new StatusProblem(status, ProblemTypes.NOT_ACCEPTABLE, "Not acceptable",
					"The API answers in application/json and application/problem+json only.");
			case 413 -> new StatusProblem(status, ProblemTypes.REQUEST_TOO_LARGE, "Request too large",
					"The request body is larger than the API accepts.");
			case 414 -> new StatusProblem(status, ProblemTypes.REQUEST_TOO_LARGE, "URI too long",
					"The request line is longer than the API accepts.");
			case 415 -> new StatusProblem(status, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
					"Send the request body as application/json.");
			case 431 -> new StatusProblem(status, ProblemTypes.REQUEST_TOO_LARGE, "Request header fields too large",
					"The request's headers are larger, or more numerous, than the API accepts.");
			case 502 -> new StatusProblem(status, ProblemTypes.BAD_GATEWAY, "Bad gateway",
					"The service behind the gateway broke off its answer. Retry it.");
			case 503 -> new StatusProblem(status, ProblemTypes.UNAVAILABLE, "Service unavailable",
					"The service is unavailable for a moment. Retry after the time in the Retry-After header.");
			case 504 -> new StatusProblem(status, ProblemTypes.GATEWAY_TIMEOUT, "Gateway timeout",
					"The service behind the gateway did not answer in time. Retry it.");
			default -> (status >= 500)
					? new StatusProblem(status, ProblemTypes.INTERNAL, "Internal error",
							"Something went wrong on our side. The request id in the X-Request-Id header helps "
									+ "support find it.")
					: new StatusProblem(status, ProblemTypes.MALFORMED_REQUEST, "Request refused",
							"The request was refused with status " + status + ".");
		};
	}

	public String toJson() {
		return "{\"type\":\"" + escape(this.type.toString()) + "\",\"title\":\"" + escape(this.title) + "\",\"status\":"
				+ this.status + ",\"detail\":\"" + escape(this.detail) + "\"}";
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}

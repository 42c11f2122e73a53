package io.claimport.service.identity;

import java.io.IOException;
import io.claimport.common.problem.ServedMethods;
import io.claimport.common.problem.StatusProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request the firewall refused: 405 with {@code Allow} for a method the API
 * does not serve (TRACE, PROPFIND, a lower-case {@code get}; not 501, which would count
 * as our fault in every 5xx rate), 400 for a path or header that is not in normal form.
 * The detail never quotes the request: a refused header may hold a secret.
 */
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

	private final JsonMapper json;

	ProblemRequestRejectedHandler(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		String method = request.getMethod();
		int status;
		String detail;
		if (!ServedMethods.isServed(method)) {
			status = 405;
			detail = "The API does not serve this method (methods are case-sensitive); it takes " + ServedMethods.ALLOW
					+ ".";
			response.setHeader(HttpHeaders.ALLOW, ServedMethods.ALLOW);
		}
		else {
			status = 400;
			detail = isAboutThePath(ex)
					? "The request path is not in normal form: no dot segments, ';', encoded slash, backslash, "
							+ "NUL or other control characters."
					: "A request header has a name or value the API does not accept.";
		}
		StatusProblem known = StatusProblem.of(status);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
		problem.setType(known.type());
		problem.setTitle(known.title());
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

	private static boolean isAboutThePath(RequestRejectedException ex) {
		String message = String.valueOf(ex.getMessage());
		return message.contains("URL") || message.contains("path") || message.contains("URI");
	}

}

package io.claimport.service.identity;

import java.io.IOException;
import java.util.Optional;

import io.claimport.common.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a missing or invalid identity with 401, and a forbidden one with 403, as
 * problem+json.
 */
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	ProblemAuthenticationHandlers(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"This service accepts only requests that carry a valid identity token from the ClaimPort gateway.");
		problem.setType(ProblemTypes.UNAUTHENTICATED);
		problem.setTitle("Unauthenticated");
		write(response, problem);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		Optional<String> scope = ScopeAuthorization.requiredScope(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				scope.map((needed) -> "This request needs the scope '" + needed + "'.")
					.orElse("This identity may not make this request."));
		problem.setType(scope.isPresent() ? ProblemTypes.INSUFFICIENT_SCOPE : ProblemTypes.FORBIDDEN);
		problem.setTitle(scope.isPresent() ? "Insufficient scope" : "Forbidden");
		scope.ifPresent((needed) -> problem.setProperty("requiredScope", needed));
		write(response, problem);
	}

	private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}

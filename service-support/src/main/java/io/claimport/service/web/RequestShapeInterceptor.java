package io.claimport.service.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.claimport.common.problem.FieldViolation;
import io.claimport.common.problem.TextRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks what a request carries besides its body before a controller sees it: every query
 * parameter keeps {@link TextRules}, and a body names a concrete media type (a wildcard
 * such as {@code *}{@code /*} says nothing about how to read it).
 */
class RequestShapeInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		List<FieldViolation> violations = new ArrayList<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			String nameProblem = TextRules.problem(name);
			if (nameProblem != null) {
				violations.add(new FieldViolation("query", TextRules.RULE, "a query parameter name " + nameProblem));
				continue;
			}
			for (String value : parameter.getValue()) {
				String problem = (value != null) ? TextRules.problem(value) : null;
				if (problem != null) {
					violations.add(new FieldViolation(name, TextRules.RULE, name + " " + problem));
					break;
				}
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		String contentType = request.getContentType();
		if (contentType != null && hasBody(request)) {
			MediaType type;
			try {
				type = MediaType.parseMediaType(contentType);
			}
			catch (InvalidMediaTypeException ex) {
				throw new UnsupportedMediaTypeException(contentType);
			}
			if (type.isWildcardType() || type.isWildcardSubtype()) {
				throw new UnsupportedMediaTypeException(contentType);
			}
			// JSON is UTF-8 (RFC 8259): a body said to be in another charset would be
			// read as something it is not, so it is refused rather than guessed at
			String charset = type.getParameter("charset");
			if (charset != null && !charset.replace("\"", "").equalsIgnoreCase("utf-8")) {
				throw new UnsupportedMediaTypeException(contentType);
			}
		}
		return true;
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

}

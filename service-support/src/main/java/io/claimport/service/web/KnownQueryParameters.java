package io.claimport.service.web;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.claimport.common.problem.FieldViolation;
import io.claimport.common.problem.NearMiss;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriUtils;

/**
 * Refuses a query parameter the endpoint does not take, instead of ignoring it: a typo
 * such as {@code ?customer=} would otherwise answer every order, as if unfiltered. The
 * endpoint's parameters are its {@code @RequestParam}s; an endpoint that takes them all
 * as a map checks them itself. A near miss names the parameter probably meant.
 */
public class KnownQueryParameters implements HandlerInterceptor {

	public static final String RULE = NearMiss.UNKNOWN_PARAMETER;

	private final Map<Method, Optional<Set<String>>> parameters = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		// only the request itself: an error dispatch carries the request's query string
		// to
		// an error handler that takes no parameters
		if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)
				|| !StringUtils.hasLength(request.getQueryString())) {
			return true;
		}
		Optional<Set<String>> known = this.parameters.computeIfAbsent(method.getMethod(),
				(key) -> parametersOf(method));
		if (known.isEmpty()) {
			return true;
		}
		List<FieldViolation> violations = new ArrayList<>();
		for (String name : names(request.getQueryString())) {
			if (!known.get().contains(name)) {
				violations.add(unknown(name, known.get()));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return true;
	}

	/**
	 * The names it takes; empty when it takes every parameter (a map) and checks them.
	 */
	private static Optional<Set<String>> parametersOf(HandlerMethod method) {
		Set<String> names = new LinkedHashSet<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
			if (annotation == null) {
				continue;
			}
			if (Map.class.isAssignableFrom(parameter.getParameterType())) {
				return Optional.empty();
			}
			String name = StringUtils.hasText(annotation.name()) ? annotation.name() : parameter.getParameterName();
			names.add(name);
		}
		return Optional.of(names);
	}

	private static Set<String> names(String query) {
		Set<String> names = new LinkedHashSet<>();
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			try {
				names.add(UriUtils.decode(name, StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				names.add(name);
			}
		}
		return names;
	}

	static FieldViolation unknown(String name, Set<String> known) {
		return NearMiss.unknownParameter(name, known);
	}

}

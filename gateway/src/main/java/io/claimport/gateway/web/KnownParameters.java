package io.claimport.gateway.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.claimport.common.problem.FieldViolation;
import io.claimport.common.problem.NearMiss;

import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * A query parameter the gateway's own endpoints (keys, accounts, admin) do not take is
 * refused (400 {@code unknownParameter}, naming it and the one probably meant), as the
 * services refuse theirs: a typo never passes for a request without it. Runs before each
 * of the gateway's handler methods, which the exchange names.
 */
@ControllerAdvice
class KnownParameters {

	private final Map<Method, Optional<Set<String>>> parameters = new ConcurrentHashMap<>();

	@ModelAttribute
	void refuseUnknownParameters(ServerWebExchange exchange) {
		if (!(exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod method)
				|| exchange.getRequest().getQueryParams().isEmpty()) {
			return;
		}
		Optional<Set<String>> known = this.parameters.computeIfAbsent(method.getMethod(),
				(key) -> parametersOf(method));
		if (known.isEmpty()) {
			return;
		}
		List<FieldViolation> violations = new ArrayList<>();
		for (String name : exchange.getRequest().getQueryParams().keySet()) {
			if (!known.get().contains(name)) {
				violations.add(NearMiss.unknownParameter(name, known.get()));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
	}

	/** The names it takes; empty when it takes every parameter (a map). */
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
			names.add(StringUtils.hasText(annotation.name()) ? annotation.name() : parameter.getParameterName());
		}
		return Optional.of(names);
	}

}

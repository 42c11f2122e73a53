package io.claimport.service.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.identity.IdentityToken;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take the verified {@link CallerIdentity} as a parameter. */
class CallerIdentityArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return CallerIdentity.class.equals(parameter.getParameterType());
	}

	@Override
	public CallerIdentity resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			throw new AuthenticationCredentialsNotFoundException("no gateway identity");
		}
		String scope = token.getToken().getClaimAsString(IdentityToken.SCOPE_CLAIM);
		Set<String> scopes = (scope == null) ? Set.of()
				: Arrays.stream(scope.split(" ")).filter((s) -> !s.isBlank()).collect(Collectors.toSet());
		return new CallerIdentity(token.getToken().getSubject(),
				token.getToken().getClaimAsString(IdentityToken.KEY_ID_CLAIM), scopes);
	}

}

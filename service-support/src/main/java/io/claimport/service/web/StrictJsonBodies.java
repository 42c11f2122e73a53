package io.claimport.service.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;

import io.claimport.common.problem.FieldViolation;
import io.claimport.common.problem.TextRules;
import io.claimport.common.problem.Utf8Json;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Reads a JSON body only as what it says it is. The body must be well-formed UTF-8: the
 * JSON parser would otherwise decode an overlong sequence such as {@code C0 AF} into
 * {@code /}, the classic way past a filter. It is bounded in size. And every text in it
 * must keep {@link TextRules}; a bulk body (a list) is checked item by item by the bulk
 * validator instead, so that one bad item does not sink the others.
 */
@ControllerAdvice
public class StrictJsonBodies extends RequestBodyAdviceAdapter {

	/** The largest body a service reads: a full bulk of the largest items fits. */
	public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] body = readBounded(message.getBody());
		Utf8Json.malformed(body).ifPresent((violation) -> {
			throw new InvalidRequestException(violation);
		});
		HttpHeaders headers = message.getHeaders();
		return new HttpInputMessage() {
			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}
		};
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		if (!(body instanceof Collection<?>)) {
			List<FieldViolation> violations = TextRules.violations(body);
			if (!violations.isEmpty()) {
				throw new InvalidRequestException(violations);
			}
		}
		return body;
	}

	private static byte[] readBounded(InputStream in) throws IOException {
		byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			throw new RequestTooLargeException(MAX_BODY_BYTES);
		}
		return body;
	}

}

package io.claimport.service.web;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.claimport.common.problem.FieldViolation;
import io.claimport.common.problem.ProblemTypes;
import io.claimport.common.problem.StatusProblem;
import io.claimport.common.problem.UnreadableJson;
import io.claimport.service.bulk.BulkLimitExceededException;
import io.claimport.service.bulk.BulkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.ResolvableType;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error a service reports into RFC 9457 problem details with a stable type
 * URI, and for bad input, an {@code errors} list naming each field and the rule it broke.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

	static final String ERRORS = "errors";

	private static final String UNIQUE_VIOLATION = "23505";

	private static final String DATA_EXCEPTION_CLASS = "22";

	private static final java.net.URI ABOUT_BLANK = java.net.URI.create("about:blank");

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> stale(StaleVersionException ex) {
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
			.header(HttpHeaders.ETAG, VersionTags.etag(ex.currentVersion()))
			.body(problem(HttpStatus.PRECONDITION_FAILED, ProblemTypes.PRECONDITION_FAILED, "Precondition failed",
					ex.getMessage()));
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidRequestException ex) {
		return validation(ex.violations());
	}

	@ExceptionHandler
	ProblemDetail tooMany(BulkLimitExceededException ex) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.BULK_LIMIT, "Too many items",
				ex.getMessage());
		problem.setProperty(ERRORS, List.of(ex.violation()));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail nothingCreated(BulkResult.NothingCreatedException ex) {
		BulkResult result = ex.result();
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.VALIDATION, "Nothing created",
				result.message());
		problem.setProperty("message", result.message());
		problem.setProperty("created", result.created());
		problem.setProperty("summary", result.summary());
		problem.setProperty(ERRORS, result.errors());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unauthenticated(AuthenticationException ex) {
		return problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
				"This service accepts only requests that carry a valid identity token from the ClaimPort gateway.");
	}

	@ExceptionHandler
	ProblemDetail forbidden(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
				"Something went wrong on our side. The request id in the X-Request-Id header helps support find it.");
	}

	@ExceptionHandler
	ProblemDetail refusedByTheDatabase(DataIntegrityViolationException ex) {
		// never echo the database's message: it can quote other accounts' values
		String sqlState = sqlState(ex);
		if (UNIQUE_VIOLATION.equals(sqlState)) {
			// the checks before the write saw no such value: a request made at the same
			// time took it
			return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict",
					"The request conflicts with a change made at the same time. Retry it.");
		}
		if (sqlState != null && sqlState.startsWith(DATA_EXCEPTION_CLASS)) {
			// a value the field rules let through but the database cannot hold: a gap in
			// the
			// rules, reported so that it gets closed; retrying would not help the client
			log.warn("A value passed validation but the database refused it (SQLSTATE {})", sqlState);
			return problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
					"A value in the request is outside what the API can store.");
		}
		log.error("Integrity violation that validation should have prevented (SQLSTATE {})", sqlState, ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
				"Something went wrong on our side. The request id in the X-Request-Id header helps support find it.");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unsupportedMediaType(UnsupportedMediaTypeException ex) {
		ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
				"Unsupported media type", ex.getMessage());
		problem.setProperty("supportedMediaTypes",
				UnsupportedMediaTypeException.SUPPORTED.stream().map(MediaType::toString).toList());
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.header(HttpHeaders.ACCEPT, MediaType.toString(UnsupportedMediaTypeException.SUPPORTED))
			.body(problem);
	}

	@ExceptionHandler
	ProblemDetail tooLarge(RequestTooLargeException ex) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.REQUEST_TOO_LARGE,
				"Request too large", ex.getMessage());
		problem.setProperty("maxBytes", ex.maxBytes());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		if (type != null && Collection.class.isAssignableFrom(type)) {
			// a repeatable parameter: what each of its values must be
			type = ResolvableType.forMethodParameter(ex.getParameter()).asCollection().resolveGeneric(0);
		}
		if (type == Instant.class) {
			return validation(List.of(new FieldViolation(ex.getName(), "type",
					ex.getName() + " must be an ISO-8601 time such as 2026-12-07T10:00:00Z")));
		}
		if (type != null && type.isEnum()) {
			String allowed = Arrays.stream(type.getEnumConstants())
				.map(String::valueOf)
				.collect(Collectors.joining(", "));
			return validation(List.of(new FieldViolation(ex.getName(), "oneOf",
					ex.getName() + " must be one of " + allowed + ", got '" + ex.getValue() + "'")));
		}
		String typeName = (type != null) ? type.getSimpleName().toLowerCase(Locale.ROOT) : "value";
		return validation(List.of(new FieldViolation(ex.getName(), "type",
				ex.getName() + " must be of type " + typeName + ", got '" + ex.getValue() + "'")));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldViolation> violations = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ApiProblems::violation)
			.toList();
		return ResponseEntity.badRequest().body(validation(violations));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldViolation> violations = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldViolation(result.getMethodParameter().getParameterName(), rule(error),
						result.getMethodParameter().getParameterName() + " " + error.getDefaultMessage())))
			.toList();
		return ResponseEntity.badRequest().body(validation(violations));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
				"The request body is not valid JSON of the expected shape.");
		UnreadableJson.violation(ex).ifPresent((violation) -> {
			problem.setDetail(violation.message());
			problem.setProperty(ERRORS, List.of(violation));
		});
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
				"Unsupported media type", "Send the request body as application/json.");
		problem.setProperty("supportedMediaTypes",
				UnsupportedMediaTypeException.SUPPORTED.stream().map(MediaType::toString).toList());
		headers.setAccept(UnsupportedMediaTypeException.SUPPORTED);
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(problem);
	}

	/**
	 * Spring MVC's own answers (405, 406, 404 for no handler …) get the type URI of their
	 * status instead of {@code about:blank}.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem && ABOUT_BLANK.equals(problem.getType())) {
			StatusProblem known = StatusProblem.of(statusCode.value());
			problem.setType(known.type());
			problem.setTitle(known.title());
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static String sqlState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	static ProblemDetail validation(List<FieldViolation> violations) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
				violations.get(0).message());
		problem.setProperty(ERRORS, violations);
		return problem;
	}

	private static FieldViolation violation(FieldError error) {
		return new FieldViolation(error.getField(), rule(error), error.getField() + " " + error.getDefaultMessage());
	}

	/** The constraint's name in lower camel case, e.g. {@code notBlank}, {@code max}. */
	static String rule(MessageSourceResolvable error) {
		String[] codes = error.getCodes();
		String code = (codes != null && codes.length > 0) ? codes[codes.length - 1] : "invalid";
		return Character.toLowerCase(code.charAt(0)) + code.substring(1);
	}

	private static ProblemDetail problem(HttpStatus status, java.net.URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}

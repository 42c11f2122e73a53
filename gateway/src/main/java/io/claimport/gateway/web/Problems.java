package io.claimport.gateway.web;

import java.net.URI;
import java.util.List;

import io.claimport.common.problem.FieldViolation;
import io.claimport.common.problem.ProblemTypes;
import io.claimport.common.problem.UnreadableJson;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * RFC 9457 answers of the gateway, with the same type URIs as the services: written
 * directly by the filters, and returned by the gateway's own controllers.
 */
@RestControllerAdvice
public class Problems {

	private final JsonMapper json;

	Problems(JsonMapper json) {
		this.json = json;
	}

	public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	/**
	 * Rejects a request: the problem becomes the response, the reason goes to the request
	 * log.
	 */
	public Mono<Void> reject(ServerWebExchange exchange, String reason, ProblemDetail problem) {
		exchange.getAttributes().put(ExchangeAttributes.REJECTION_REASON, reason);
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
			response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"claimport\"");
		}
		DataBuffer body = response.bufferFactory().wrap(this.json.writeValueAsBytes(problem));
		return response.writeWith(Mono.just(body));
	}

	@ExceptionHandler
	Mono<ProblemDetail> invalid(InvalidRequestException ex) {
		return Mono.just(validation(ex.violations()));
	}

	@ExceptionHandler
	Mono<ProblemDetail> notFound(NotFoundException ex) {
		return Mono.just(of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", ex.getMessage()));
	}

	@ExceptionHandler
	Mono<ProblemDetail> conflict(ConflictException ex) {
		ProblemDetail problem = of(HttpStatus.CONFLICT, ex.type(), ex.title(), ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		return Mono.just(problem);
	}

	@ExceptionHandler
	Mono<ProblemDetail> unreadable(ServerWebInputException ex) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
				"The request body is not valid JSON of the expected shape.");
		UnreadableJson.violation(ex).ifPresent((violation) -> {
			problem.setDetail(violation.message());
			problem.setProperty("errors", List.of(violation));
		});
		return Mono.just(problem);
	}

	private static ProblemDetail validation(List<FieldViolation> violations) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
				violations.get(0).message());
		problem.setProperty("errors", violations);
		return problem;
	}

}

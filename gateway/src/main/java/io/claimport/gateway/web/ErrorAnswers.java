package io.claimport.gateway.web;

import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

import io.claimport.common.problem.StatusProblem;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers every failure of a request as problem+json, in place of Spring's
 * {@code {"timestamp", "error"}} body: a service that cannot be reached is 503 with
 * {@code Retry-After}, one that broke off its answer 502, one that did not answer within
 * the route's response timeout 504; a path nothing serves 404. It runs inside the request
 * log, so the log records the status the client got.
 */
@Component
public class ErrorAnswers implements RequestCheck {

	/** How long a client should wait before it retries a service that is down. */
	static final int RETRY_AFTER_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

	private final JsonMapper json;

	ErrorAnswers(JsonMapper json) {
		this.json = json;
	}

	@Override
	public int getOrder() {
		return CheckOrder.ERROR_ANSWERS;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).onErrorResume((ex) -> answer(exchange, ex));
	}

	private Mono<Void> answer(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		int status = statusFor(ex);
		if (status >= 500 && status != 502 && status != 503 && status != 504) {
			log.error("Unexpected error answering {} {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), ex);
		}
		else if (status >= 500) {
			log.warn("{} for {} {}: {}", status, exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					ex.toString());
		}
		StatusProblem known = StatusProblem.of(status);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), known.detail());
		problem.setType(known.type());
		problem.setTitle(known.title());
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		response.setStatusCode(HttpStatusCode.valueOf(status));
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.remove(HttpHeaders.CONTENT_LENGTH);
		if (status == 503) {
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
		}
		if (ex instanceof ResponseStatusException statusException) {
			statusException.getHeaders().forEach((name, values) -> {
				if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
					headers.put(name, values);
				}
			});
		}
		return response.writeWith(Mono.just(response.bufferFactory().wrap(this.json.writeValueAsBytes(problem))));
	}

	public static int statusFor(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ResponseStatusException statusException) {
				return statusException.getStatusCode().value();
			}
			if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException) {
				return 503;
			}
			if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException) {
				return 504;
			}
			if (cause instanceof PrematureCloseException || cause instanceof java.io.IOException) {
				return 502;
			}
		}
		return 500;
	}

}

package io.claimport.gateway.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.problem.FieldViolation;
import io.claimport.common.problem.ProblemTypes;
import io.claimport.gateway.web.CheckOrder;
import io.claimport.gateway.web.ErrorAnswers;
import io.claimport.gateway.web.ExchangeAttributes;
import io.claimport.gateway.web.Problems;
import io.claimport.gateway.web.RequestCheck;
import io.claimport.gateway.web.RequestShapeCheck;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Safe retries of writes, with Stripe's semantics, for every {@code POST}, {@code PATCH}
 * and {@code DELETE} of the API, the gateway's own included: the first request with an
 * {@code Idempotency-Key} runs and its answer is kept for a day; the same key with the
 * same method, path and body gets that answer again ({@code Idempotent-Replayed: true})
 * and changes nothing; with another request it is 422, and while the first still runs
 * 409. Keys belong to an account (the operators have their own). An answer that says
 * nothing was done and to come back (429, 503, a service that could not be reached) is
 * not kept, so the retry it asks for runs. A request without the header is not touched.
 */
@Component
class IdempotencyCheck implements RequestCheck {

	static final String REPLAYED = "Idempotent-Replayed";

	private static final Logger log = LoggerFactory.getLogger(IdempotencyCheck.class);

	private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PATCH, HttpMethod.DELETE);

	private static final byte[] NO_BODY = new byte[0];

	private static final String IN_USE_RETRY_AFTER_SECONDS = "1";

	private final IdempotencyStore store;

	private final Problems problems;

	IdempotencyCheck(IdempotencyStore store, Problems problems) {
		this.store = store;
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return CheckOrder.IDEMPOTENCY;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		List<String> values = request.getHeaders().get(IdempotencyKey.HEADER);
		if (values == null || !WRITES.contains(request.getMethod())) {
			return chain.filter(exchange);
		}
		String owner = owner(exchange);
		if (owner == null) {
			return chain.filter(exchange);
		}
		String invalid = IdempotencyKey.whyInvalid(values);
		if (invalid != null) {
			ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
					invalid);
			problem.setProperty("errors",
					List.of(new FieldViolation(IdempotencyKey.HEADER, "idempotencyKey", invalid)));
			return this.problems.reject(exchange, "idempotency_key_invalid", problem);
		}
		IdempotencyKey key = IdempotencyKey.of(owner, values.get(0));
		return DataBufferUtils.join(request.getBody(), (int) RequestShapeCheck.MAX_BODY_BYTES)
			.map(IdempotencyCheck::bytes)
			.defaultIfEmpty(NO_BODY)
			.flatMap((body) -> {
				byte[] fingerprint = fingerprint(request, body);
				return blocking(() -> this.store.take(key.id(), fingerprint))
					.flatMap((taken) -> decide(exchange, chain, key, fingerprint, body, taken));
			})
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> this.problems.reject(exchange, "body_too_large",
							Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.REQUEST_TOO_LARGE,
									"Request too large", "The request body has more than "
											+ RequestShapeCheck.MAX_BODY_BYTES + " bytes, the most the API takes.")));
	}

	private Mono<Void> decide(ServerWebExchange exchange, WebFilterChain chain, IdempotencyKey key, byte[] fingerprint,
			byte[] body, IdempotencyStore.Taken taken) {
		if (taken instanceof IdempotencyStore.First) {
			return runFirst(exchange, chain, key, fingerprint, body);
		}
		IdempotencyStore.Earlier earlier = (IdempotencyStore.Earlier) taken;
		if (!earlier.sameRequest()) {
			return this.problems.reject(exchange, "idempotency_key_reused",
					Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
							"Idempotency-Key reused",
							"This Idempotency-Key was used for another request (method, path or body) within the last "
									+ "24 hours; send a new key for a new request."));
		}
		if (earlier.status() != null) {
			return replay(exchange, StoredAnswer.open(earlier.status(), earlier.answer(), key.sealingKey()));
		}
		if (!earlier.abandoned()) {
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, IN_USE_RETRY_AFTER_SECONDS);
			return this.problems.reject(exchange, "idempotency_key_in_use",
					Problems.of(HttpStatus.CONFLICT, ProblemTypes.IDEMPOTENCY_KEY_IN_USE, "Idempotency-Key in use",
							"The first request with this Idempotency-Key is still running; retry after "
									+ IN_USE_RETRY_AFTER_SECONDS + " s to get its answer."));
		}
		// the gateway that ran the first request stopped before its answer: whether it
		// took effect is unknown, and it is not run again
		StoredAnswer unknown = StoredAnswer.failure(HttpStatus.BAD_GATEWAY.value());
		return blocking(() -> this.store.answerAbandoned(key.id(), unknown.status(), unknown.seal(key.sealingKey())))
			.flatMap((answered) -> answered ? replay(exchange, unknown)
					: blocking(() -> this.store.take(key.id(), fingerprint))
						.flatMap((again) -> decide(exchange, chain, key, fingerprint, body, again)));
	}

	private Mono<Void> runFirst(ServerWebExchange exchange, WebFilterChain chain, IdempotencyKey key,
			byte[] fingerprint, byte[] body) {
		ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				return (body.length == 0) ? Flux.empty()
						: Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}
		};
		RecordingResponse response = new RecordingResponse(exchange.getResponse(), key, fingerprint);
		return chain.filter(exchange.mutate().request(request).response(response).build())
			.onErrorResume((ex) -> response.settleFailure(ErrorAnswers.statusFor(ex)).then(Mono.error(ex)));
	}

	private Mono<Void> replay(ServerWebExchange exchange, StoredAnswer answer) {
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().set(REPLAYED, "true");
		if (answer.failure()) {
			return Mono.error(new ResponseStatusException(HttpStatusCode.valueOf(answer.status())));
		}
		response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
		answer.headers().forEach((header) -> response.getHeaders().add(header.getKey(), header.getValue()));
		if (answer.body().length == 0) {
			return response.setComplete();
		}
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(answer.body())));
	}

	/**
	 * Whose keys the request's key is among: the account of the API key, or the operators
	 * for the admin API; null for a request with neither (nothing it could write).
	 */
	private static String owner(ServerWebExchange exchange) {
		CallerIdentity caller = exchange.getAttribute(ExchangeAttributes.CALLER);
		if (caller != null) {
			return "account:" + caller.accountId();
		}
		if (exchange.getAttribute(ExchangeAttributes.FORWARDED_AUTHORIZATION) != null) {
			return "operators";
		}
		return null;
	}

	/** Whether an answer says nothing was done and the same request should come again. */
	private static boolean asksForRetry(int status) {
		return status == HttpStatus.TOO_MANY_REQUESTS.value() || status == HttpStatus.SERVICE_UNAVAILABLE.value();
	}

	private static byte[] fingerprint(ServerHttpRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			URI uri = request.getURI();
			String line = request.getMethod().name() + ' ' + uri.getRawPath()
					+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "") + '\n';
			digest.update(line.getBytes(StandardCharsets.UTF_8));
			digest.update(body);
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static <T> Mono<T> blocking(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * The first request's answer on its way out: kept (or the key given up) before the
	 * client gets it, so a retry that follows the answer finds it.
	 */
	private final class RecordingResponse extends ServerHttpResponseDecorator {

		private final IdempotencyKey key;

		private final byte[] fingerprint;

		private final AtomicBoolean settled = new AtomicBoolean();

		RecordingResponse(ServerHttpResponse delegate, IdempotencyKey key, byte[] fingerprint) {
			super(delegate);
			this.key = key;
			this.fingerprint = fingerprint;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return DataBufferUtils.join(body)
				.map(IdempotencyCheck::bytes)
				.defaultIfEmpty(NO_BODY)
				.flatMap((bytes) -> settle(StoredAnswer.of(status(), getHeaders(), bytes))
					.then(getDelegate().writeWith(Mono.fromSupplier(() -> bufferFactory().wrap(bytes)))));
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return writeWith(Flux.from(body).concatMap(Flux::from));
		}

		@Override
		public Mono<Void> setComplete() {
			return settle(StoredAnswer.of(status(), getHeaders(), NO_BODY)).then(getDelegate().setComplete());
		}

		Mono<Void> settleFailure(int status) {
			return settle(StoredAnswer.failure(status));
		}

		private Mono<Void> settle(StoredAnswer answer) {
			if (!this.settled.compareAndSet(false, true)) {
				return Mono.empty();
			}
			byte[] id = this.key.id();
			return blocking(() -> {
				if (asksForRetry(answer.status())) {
					IdempotencyCheck.this.store.release(id, this.fingerprint);
				}
				else {
					IdempotencyCheck.this.store.answer(id, this.fingerprint, answer.status(),
							answer.seal(this.key.sealingKey()));
				}
				return true;
			}).onErrorResume((ex) -> {
				// the client still gets its answer; a retry with the key then waits for
				// the lock and is answered 502 (outcome unknown)
				log.warn("Could not keep the answer to a request with an Idempotency-Key: {}", ex.toString());
				return Mono.just(false);
			}).then();
		}

		private int status() {
			HttpStatusCode status = getStatusCode();
			return (status != null) ? status.value() : HttpStatus.OK.value();
		}

	}

}

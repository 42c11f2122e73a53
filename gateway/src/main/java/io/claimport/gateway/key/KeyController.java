package io.claimport.gateway.key;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.claimport.common.identity.CallerIdentity;
import io.claimport.common.page.Connection;
import io.claimport.common.page.CursorPage;
import io.claimport.common.page.CursorParams;
import io.claimport.common.problem.FieldViolation;
import io.claimport.gateway.usage.KeyUsage;
import io.claimport.gateway.usage.UsageCounters;
import io.claimport.gateway.web.ExchangeAttributes;
import io.claimport.gateway.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The key API, twice: under {@code /api/v1/keys} for the caller's own account (the
 * gateway has checked for {@code full:access}), and under
 * {@code /admin/v1/accounts/{accountId}/keys} for operators holding the admin token.
 */
@RestController
class KeyController {

	private final KeyManagement keys;

	private final UsageCounters usage;

	private final Clock clock;

	KeyController(KeyManagement keys, UsageCounters usage, Clock clock) {
		this.keys = keys;
		this.usage = usage;
		this.clock = clock;
	}

	@PostMapping("/api/v1/keys")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<KeyView> create(@RequestAttribute(ExchangeAttributes.CALLER) CallerIdentity caller,
			@RequestBody KeyRequests.NewKey request) {
		return create(caller.accountId(), request);
	}

	/**
	 * The account's keys, oldest first: all of them ({@code data}), or walked with
	 * cursors ({@code first}/{@code after}, {@code last}/{@code before}) as a connection
	 * of edges and pageInfo.
	 */
	@GetMapping("/api/v1/keys")
	@ApiResponse(responseCode = "200",
			description = "A connection when first/after or last/before is given, else the whole list",
			content = @Content(schema = @Schema(oneOf = { KeyConnection.class, KeyList.class })))
	Mono<Object> list(@RequestAttribute(ExchangeAttributes.CALLER) CallerIdentity caller,
			@RequestParam(required = false) String first, @RequestParam(required = false) String after,
			@RequestParam(required = false) String last, @RequestParam(required = false) String before) {
		return list(caller.accountId(), first, after, last, before);
	}

	@GetMapping("/api/v1/keys/{keyId}")
	Mono<KeyView> get(@RequestAttribute(ExchangeAttributes.CALLER) CallerIdentity caller, @PathVariable String keyId) {
		return get(caller.accountId(), keyId);
	}

	@PatchMapping("/api/v1/keys/{keyId}")
	Mono<KeyView> change(@RequestAttribute(ExchangeAttributes.CALLER) CallerIdentity caller, @PathVariable String keyId,
			@RequestBody KeyRequests.KeyChange request) {
		return change(caller.accountId(), keyId, request);
	}

	@PostMapping("/api/v1/keys/{keyId}/rotate")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<KeyView> rotate(@RequestAttribute(ExchangeAttributes.CALLER) CallerIdentity caller,
			@PathVariable String keyId) {
		return rotate(caller.accountId(), keyId);
	}

	@DeleteMapping("/api/v1/keys/{keyId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> revoke(@RequestAttribute(ExchangeAttributes.CALLER) CallerIdentity caller, @PathVariable String keyId) {
		return revoke(caller.accountId(), keyId);
	}

	@PostMapping("/admin/v1/accounts/{accountId}/keys")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<KeyView> create(@PathVariable String accountId, @RequestBody KeyRequests.NewKey request) {
		return blocking(() -> KeyView.issued(
				this.keys.create(accountId, KeyRequests.newKey(request, this.clock.instant())), this.clock.instant()));
	}

	@GetMapping("/admin/v1/accounts/{accountId}/keys")
	@ApiResponse(responseCode = "200",
			description = "A connection when first/after or last/before is given, else the whole list",
			content = @Content(schema = @Schema(oneOf = { KeyConnection.class, KeyList.class })))
	Mono<Object> list(@PathVariable String accountId, @RequestParam(required = false) String first,
			@RequestParam(required = false) String after, @RequestParam(required = false) String last,
			@RequestParam(required = false) String before) {
		if (CursorParams.given(first, after, last, before)) {
			CursorPage page = page(first, after, last, before);
			return blocking(() -> {
				Connection<ApiKey> found = this.keys.list(accountId, page);
				List<KeyView> views = views(found.edges().stream().map(Connection.Edge::node).toList());
				Map<String, KeyView> byId = new HashMap<>();
				views.forEach((view) -> byId.put(view.id(), view));
				return found.map((key) -> byId.get(key.id()));
			});
		}
		return blocking(() -> new KeyList(views(this.keys.list(accountId))));
	}

	/**
	 * Reads the cursor parameters of the key list.
	 * @throws InvalidRequestException naming each unusable one
	 */
	private static CursorPage page(String first, String after, String last, String before) {
		List<FieldViolation> violations = new ArrayList<>();
		CursorPage page = CursorParams.read(first, after, last, before, ApiKeyStore.CREATED_AT, Instant::parse,
				violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return page;
	}

	@GetMapping("/admin/v1/accounts/{accountId}/keys/{keyId}")
	Mono<KeyView> get(@PathVariable String accountId, @PathVariable String keyId) {
		return blocking(() -> views(List.of(this.keys.get(accountId, keyId))).get(0));
	}

	@PatchMapping("/admin/v1/accounts/{accountId}/keys/{keyId}")
	Mono<KeyView> change(@PathVariable String accountId, @PathVariable String keyId,
			@RequestBody KeyRequests.KeyChange request) {
		return blocking(() -> views(List.of(this.keys.change(accountId, keyId, request))).get(0));
	}

	@PostMapping("/admin/v1/accounts/{accountId}/keys/{keyId}/rotate")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<KeyView> rotate(@PathVariable String accountId, @PathVariable String keyId) {
		return blocking(() -> KeyView.issued(this.keys.rotate(accountId, keyId), this.clock.instant()));
	}

	@DeleteMapping("/admin/v1/accounts/{accountId}/keys/{keyId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> revoke(@PathVariable String accountId, @PathVariable String keyId) {
		return blocking(() -> {
			this.keys.revoke(accountId, keyId);
			return true;
		}).then();
	}

	private List<KeyView> views(List<ApiKey> keys) {
		Map<String, KeyUsage> usage = this.usage.today(keys.stream().map(ApiKey::id).toList());
		Instant now = this.clock.instant();
		return keys.stream().map((key) -> KeyView.of(key, usage.getOrDefault(key.id(), KeyUsage.NONE), now)).toList();
	}

	private static <T> Mono<T> blocking(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

	record KeyList(List<KeyView> data) {

	}

	/** The key list walked with cursors, as the contract describes it. */
	record KeyConnection(List<KeyEdge> edges, Connection.PageInfo pageInfo) {

	}

	record KeyEdge(String cursor, KeyView node) {

	}

}

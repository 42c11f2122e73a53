package io.claimport.common.problem;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What each problem type means, for people: the page its {@code type} URI resolves to
 * ({@code GET /problems/{slug}} at the gateway) and the API contract. Every type of
 * {@link ProblemTypes} has an entry.
 */
public final class ProblemCatalog {

	/**
	 * @param statuses the HTTP statuses answered with this type
	 * @param meaning what went wrong
	 * @param remedy what the caller can do about it
	 */
	public record Entry(URI type, String title, List<Integer> statuses, String meaning, String remedy) {

		/** The last segment of the type URI: {@code rate-limited}. */
		public String slug() {
			String path = this.type.getPath();
			return path.substring(path.lastIndexOf('/') + 1);
		}

	}

	public static final List<Entry> ALL = List.of(
			entry(ProblemTypes.VALIDATION, "Invalid request", List.of(400, 422),
					"A field, header or query parameter breaks a rule; errors names each with its rule "
							+ "(a bulk request lists them per item, by index).",
					"Correct the named fields and send the request again."),
			entry(ProblemTypes.MALFORMED_REQUEST, "Malformed request", List.of(400),
					"The request could not be read: JSON that is not well formed, a value of the wrong type, "
							+ "a field the request does not have, text that is not well-formed UTF-8.",
					"Fix the body or the request line; errors names the field where it can."),
			entry(ProblemTypes.BULK_LIMIT, "Too many items", List.of(413),
					"A bulk request had no item or more than its limit (products 1,000, orders 500, claims 100); "
							+ "nothing was written.",
					"Send between one item and the limit per request."),
			entry(ProblemTypes.NOT_FOUND, "Not found", List.of(404),
					"Nothing exists at this path, or the object belongs to another account.",
					"Check the id; objects of other accounts are never visible."),
			entry(ProblemTypes.UNAUTHENTICATED, "Unauthenticated", List.of(401),
					"The request carried no API key, or one that is malformed, unknown, revoked or expired.",
					"Send a valid key as X-API-Key or Authorization: Bearer. Repeated failures lock the address out."),
			entry(ProblemTypes.FORBIDDEN, "Forbidden", List.of(403), "The caller may not do this.",
					"Use a key or token that is allowed to."),
			entry(ProblemTypes.CONFLICT, "Conflict", List.of(409),
					"The request conflicts with the object's state or a change made at the same time "
							+ "(a SKU another product has, a deleted product).",
					"Read the object again, then decide; retry a request that met a concurrent change."),
			entry(ProblemTypes.CLAIM_STATE_CONFLICT, "Claim state conflict", List.of(409),
					"The claim cannot move to the requested state from its current one; currentState, "
							+ "requestedState and allowedStates say where it may go.",
					"Move it to one of allowedStates (GET /api/v1/claims/states publishes the life cycle)."),
			entry(ProblemTypes.ORDER_STATUS_CONFLICT, "Order status conflict", List.of(409),
					"The order cannot move to the requested status from its current one; currentStatus, "
							+ "requestedStatus and allowedStatuses say where it may go.",
					"Move it to one of allowedStatuses (GET /api/v1/orders/statuses publishes the life cycle)."),
			entry(ProblemTypes.WARRANTY_EXPIRED, "Warranty expired", List.of(422),
					"A warranty claim was made after the warranty ended; warrantyEndedOn says when.",
					"Nothing to retry: the item is out of warranty."),
			entry(ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key reused", List.of(422),
					"This Idempotency-Key was used within the last 24 hours for another request "
							+ "(method, path or body).",
					"Send a new key for a new request; send the same key only with the same request."),
			entry(ProblemTypes.IDEMPOTENCY_KEY_IN_USE, "Idempotency-Key in use", List.of(409),
					"The first request with this Idempotency-Key is still running.",
					"Retry after Retry-After seconds to get its answer."),
			entry(ProblemTypes.PRECONDITION_FAILED, "Precondition failed", List.of(412),
					"If-Match named a version the object no longer has: someone changed it since you read it. "
							+ "The answer's ETag is the current version.",
					"Read the object again and decide anew."),
			entry(ProblemTypes.INSUFFICIENT_SCOPE, "Insufficient scope", List.of(403),
					"The key lacks the scope this call needs; requiredScope names it.",
					"Use a key with that scope, or add it to the key (Settings → API, or PATCH /api/v1/keys/{id})."),
			entry(ProblemTypes.PLAN_UPGRADE_REQUIRED, "Plan upgrade required", List.of(403),
					"The account's plan does not include API access.", "Upgrade the plan."),
			entry(ProblemTypes.IP_NOT_ALLOWED, "IP address not allowed", List.of(403),
					"The key's IP allow-list does not include the address the request came from.",
					"Call from an allowed address, or change the key's allow-list."),
			entry(ProblemTypes.KEY_LIMIT, "Key limit reached", List.of(409),
					"The account already has as many active keys as its plan allows.",
					"Revoke a key you no longer use, or upgrade the plan."),
			entry(ProblemTypes.RATE_LIMITED, "Rate limited", List.of(429),
					"The key made more requests than its plan allows per minute or per day.",
					"Wait Retry-After seconds; the RateLimit headers of every answer say where the key stands."),
			entry(ProblemTypes.LOCKED_OUT, "Locked out", List.of(429),
					"Too many failed authentications came from the caller's address.",
					"Wait Retry-After seconds, and fix the key the client sends."),
			entry(ProblemTypes.HTTPS_REQUIRED, "HTTPS required", List.of(403), "The gateway accepts HTTPS only.",
					"Send the request over HTTPS."),
			entry(ProblemTypes.METHOD_NOT_ALLOWED, "Method not allowed", List.of(405),
					"The API does not serve this method here; the Allow header says which it does.",
					"Use one of the methods in Allow (methods are case-sensitive)."),
			entry(ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", List.of(415),
					"The body is in a media type or character set the API does not read; "
							+ "supportedMediaTypes names those it does.",
					"Send application/json in UTF-8 (a merge patch may be application/merge-patch+json)."),
			entry(ProblemTypes.NOT_ACCEPTABLE, "Not acceptable", List.of(406),
					"Accept asked for a media type the API does not write.", "Accept application/json."),
			entry(ProblemTypes.REQUEST_TOO_LARGE, "Request too large", List.of(413, 414, 431),
					"The body, the request line or the header section is larger than the API takes.",
					"Send less: split a bulk request, shorten the query."),
			entry(ProblemTypes.UNAVAILABLE, "Service unavailable", List.of(503),
					"The service behind the gateway cannot be reached; nothing was done.",
					"Retry after Retry-After seconds (with the same Idempotency-Key, if you sent one)."),
			entry(ProblemTypes.BAD_GATEWAY, "Bad gateway", List.of(502),
					"The service behind the gateway broke off its answer: the request may or may not have "
							+ "taken effect.",
					"Look the object up before you send the request again, or retry with the same Idempotency-Key."),
			entry(ProblemTypes.GATEWAY_TIMEOUT, "Gateway timeout", List.of(504),
					"The service behind the gateway did not answer in time: the request may or may not have "
							+ "taken effect.",
					"Look the object up before you send the request again, or retry with the same Idempotency-Key."),
			entry(ProblemTypes.INTERNAL, "Internal error", List.of(500), "Something went wrong on our side.",
					"Retry later; the X-Request-Id of the answer helps support find it."));

	private ProblemCatalog() {
	}

	public static Optional<Entry> bySlug(String slug) {
		return ALL.stream().filter((entry) -> entry.slug().equals(slug)).findFirst();
	}

	private static Entry entry(URI type, String title, List<Integer> statuses, String meaning, String remedy) {
		return new Entry(type, title, statuses, meaning, remedy);
	}

	/**
	 * What an error answer of this status can be, for the API contract: each problem type
	 * answered with it, with its title.
	 */
	public static String describe(int status) {
		StringBuilder text = new StringBuilder("Problem; its type is one of:");
		ALL.stream()
			.filter((entry) -> entry.statuses().contains(status))
			.forEach(
					(entry) -> text.append("\n- ").append(entry.type()).append(" (").append(entry.title()).append(')'));
		return text.toString();
	}

}

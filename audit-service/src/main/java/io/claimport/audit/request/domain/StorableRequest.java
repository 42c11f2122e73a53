package io.claimport.audit.request.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import io.claimport.common.event.RequestLogged;

/**
 * A logged request made to fit the audit store, whatever the caller sent. The log records
 * requests from anybody, hostile ones included, and a value its columns cannot hold (an
 * 11-letter method, a NUL, an unpaired surrogate) must not fail the write: that would
 * send the whole batch, everybody else's requests with it, to the dead-letter topic, and
 * let one request hide others. So every text is cut to its column and marked with
 * {@value #CUT} where it was cut, and characters PostgreSQL cannot store become
 * {@code U+FFFD}.
 */
public final class StorableRequest {

	public static final String CUT = "…";

	public static final int REQUEST_ID = 64;

	public static final int ACCOUNT_ID = 40;

	public static final int KEY_ID = 40;

	public static final int METHOD = 32;

	public static final int PATH = 2000;

	public static final int CLIENT_IP = 45;

	public static final int USER_AGENT = 500;

	public static final int REJECTION_REASON = 100;

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");

	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	private StorableRequest() {
	}

	/** Every entry of a batch made storable; an empty place in the batch is skipped. */
	public static List<RequestLogged> all(List<RequestLogged> entries, Instant now) {
		return entries.stream().filter(Objects::nonNull).map((entry) -> of(entry, now)).toList();
	}

	/**
	 * The entry with every field in what its column holds; {@code now} stands in for a
	 * missing or impossible time.
	 */
	public static RequestLogged of(RequestLogged entry, Instant now) {
		String requestId = (entry.requestId() != null && !entry.requestId().isEmpty())
				? text(entry.requestId(), REQUEST_ID) : "unidentified-" + UUID.randomUUID();
		String method = (entry.method() != null && !entry.method().isEmpty()) ? text(entry.method(), METHOD) : "?";
		String path = (entry.path() != null) ? text(entry.path(), PATH) : "";
		Instant receivedAt = entry.receivedAt();
		if (receivedAt == null || receivedAt.isBefore(EARLIEST) || receivedAt.isAfter(LATEST)) {
			receivedAt = now;
		}
		return new RequestLogged(requestId, text(entry.accountId(), ACCOUNT_ID), text(entry.keyId(), KEY_ID), method,
				path, entry.status(), entry.latencyMillis(), text(entry.clientIp(), CLIENT_IP),
				text(entry.userAgent(), USER_AGENT), receivedAt, text(entry.rejectionReason(), REJECTION_REASON),
				id(entry.traceId(), TRACE_ID), id(entry.spanId(), SPAN_ID));
	}

	/** A trace or span id only if it is one: anything else is dropped, not stored. */
	private static String id(String value, Pattern shape) {
		return (value != null && shape.matcher(value).matches()) ? value : null;
	}

	/** The text without NULs or unpaired surrogates, cut to {@code max} characters. */
	public static String text(String value, int max) {
		if (value == null) {
			return null;
		}
		String clean = storable(value);
		if (clean.length() <= max) {
			return clean;
		}
		int end = max - CUT.length();
		if (Character.isHighSurrogate(clean.charAt(end - 1))) {
			end--;
		}
		return clean.substring(0, end) + CUT;
	}

	private static String storable(String value) {
		StringBuilder clean = null;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1));
			boolean bad = c == '\u0000' || (Character.isSurrogate(c) && !paired);
			if (bad && clean == null) {
				clean = new StringBuilder(value.length()).append(value, 0, i);
			}
			if (clean != null) {
				if (bad) {
					clean.append('\uFFFD');
				}
				else {
					clean.append(c);
					if (paired) {
						clean.append(value.charAt(i + 1));
					}
				}
			}
			if (paired) {
				i++;
			}
		}
		return (clean != null) ? clean.toString() : value;
	}

}

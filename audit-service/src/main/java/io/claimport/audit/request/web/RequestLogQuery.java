package io.claimport.audit.request.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.claimport.audit.request.domain.RequestFilter;
import io.claimport.common.event.RequestLogged;
import io.claimport.common.problem.FieldViolation;
import io.claimport.service.csv.CsvExport;
import io.claimport.service.web.InvalidRequestException;
import io.claimport.service.web.TimeParameters;

import org.springframework.http.ResponseEntity;

/**
 * Reads the request log's filters strictly, every bad one named at once: {@code status}
 * (one status) or {@code minStatus}/{@code maxStatus} (a range, both ends included),
 * {@code method}, {@code pathPrefix} (paths that begin with it), {@code from}/{@code to}
 * (received in {@code [from, to)}: an instant with its offset, or a UTC day, {@code to}
 * taking in its whole day) and {@code keyId}. The CSV download takes the newest
 * {@code limit} entries (default 10,000, at most 100,000).
 */
final class RequestLogQuery {

	static final int DEFAULT_LIMIT = 10_000;

	static final int MAX_LIMIT = 100_000;

	static final List<String> CSV_COLUMNS = List.of("receivedAt", "requestId", "keyId", "method", "path", "status",
			"latencyMillis", "clientIp", "userAgent", "rejectionReason", "traceId");

	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	private RequestLogQuery() {
	}

	static RequestFilter filter(Integer status, Integer minStatus, Integer maxStatus, String keyId, String method,
			String pathPrefix, String from, String to) {
		List<FieldViolation> violations = new ArrayList<>();
		Integer lowest = minStatus;
		Integer highest = maxStatus;
		if (status != null) {
			if (minStatus != null || maxStatus != null) {
				violations.add(new FieldViolation("status", "exclusive",
						"give status for one status, or minStatus and maxStatus for a range, not both"));
			}
			lowest = status;
			highest = status;
		}
		if (lowest != null && highest != null && lowest > highest) {
			violations.add(new FieldViolation("maxStatus", "range", "maxStatus must not be below minStatus"));
		}
		String verb = null;
		if (method != null) {
			verb = method.toUpperCase(Locale.ROOT);
			if (!METHODS.contains(verb)) {
				violations.add(new FieldViolation("method", "oneOf", "method must be one of " + String.join(", ",
						List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"))));
			}
		}
		if (pathPrefix != null && !pathPrefix.startsWith("/")) {
			violations.add(new FieldViolation("pathPrefix", "pattern",
					"pathPrefix is the beginning of a path, such as /api/v1/claims: it starts with /"));
		}
		Instant start = (from != null) ? TimeParameters.dayOrInstant("from", from, ZoneOffset.UTC, false, violations)
				: null;
		Instant end = (to != null) ? TimeParameters.dayOrInstant("to", to, ZoneOffset.UTC, true, violations) : null;
		if (start != null && end != null && !start.isBefore(end)) {
			violations.add(new FieldViolation("to", "range", "to must be after from: the range is [from, to)"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return new RequestFilter(null, lowest, highest, keyId, verb, pathPrefix, start, end);
	}

	static int limit(Integer limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidRequestException(
					new FieldViolation("limit", "range", "limit must be from 1 to " + MAX_LIMIT));
		}
		return limit;
	}

	/** The entries as a CSV download, a row each, newest first as given. */
	static ResponseEntity<String> csv(List<RequestLogged> entries) {
		String body = CsvExport.write(CSV_COLUMNS, entries.stream().map(RequestLogQuery::cells).toList());
		return CsvExport.download("requests_" + LocalDate.now(ZoneOffset.UTC) + ".csv", body);
	}

	private static List<Object> cells(RequestLogged entry) {
		return Arrays.asList(entry.receivedAt().toString(), entry.requestId(), entry.keyId(), entry.method(),
				entry.path(), entry.status(), entry.latencyMillis(), entry.clientIp(), entry.userAgent(),
				entry.rejectionReason(), entry.traceId());
	}

}

package io.claimport.audit.usage.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.claimport.common.event.RequestLogged;

/**
 * What logged requests add to one key's usage on one UTC day: how many, how many got a
 * 4xx or a 5xx, and the latest use with its address.
 */
record KeyDayUsage(String accountId, String keyId, LocalDate day, long requests, long clientErrors, long serverErrors,
		Instant lastUsedAt, String lastUsedIp) {

	/** Per key and day; requests without a key (unidentified callers) count for none. */
	static List<KeyDayUsage> of(List<RequestLogged> requests) {
		Map<List<Object>, KeyDayUsage> usage = new LinkedHashMap<>();
		for (RequestLogged request : requests) {
			if (request.accountId() == null || request.keyId() == null) {
				continue;
			}
			KeyDayUsage one = ofOne(request);
			usage.merge(List.of(one.accountId, one.keyId, one.day), one, KeyDayUsage::plus);
		}
		return new ArrayList<>(usage.values());
	}

	private static KeyDayUsage ofOne(RequestLogged request) {
		int status = request.status();
		return new KeyDayUsage(request.accountId(), request.keyId(),
				LocalDate.ofInstant(request.receivedAt(), ZoneOffset.UTC), 1, (status >= 400 && status < 500) ? 1 : 0,
				(status >= 500) ? 1 : 0, request.receivedAt(), request.clientIp());
	}

	private KeyDayUsage plus(KeyDayUsage other) {
		boolean otherIsLater = other.lastUsedAt.isAfter(this.lastUsedAt);
		return new KeyDayUsage(this.accountId, this.keyId, this.day, this.requests + other.requests,
				this.clientErrors + other.clientErrors, this.serverErrors + other.serverErrors,
				otherIsLater ? other.lastUsedAt : this.lastUsedAt, otherIsLater ? other.lastUsedIp : this.lastUsedIp);
	}

}

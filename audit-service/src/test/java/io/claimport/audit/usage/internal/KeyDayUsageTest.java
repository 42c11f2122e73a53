package io.claimport.audit.usage.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.claimport.common.event.RequestLogged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyDayUsageTest {

	static final Instant MORNING = Instant.parse("2026-11-20T08:00:00Z");

	@Test
	void addsUpEachKeysRequestsPerUtcDayWithTheLatestUse() {
		List<KeyDayUsage> usage = KeyDayUsage.of(List.of(request("key_a", 200, MORNING, "203.0.113.1"),
				request("key_a", 503, MORNING.plusSeconds(120), "203.0.113.3"),
				request("key_a", 404, MORNING.plusSeconds(60), "203.0.113.2"),
				request("key_b", 429, MORNING, "2001:db8::1"),
				request("key_a", 200, Instant.parse("2026-11-21T00:00:00Z"), "203.0.113.4")));

		assertThat(usage).containsExactly(
				new KeyDayUsage("acct_a", "key_a", LocalDate.parse("2026-11-20"), 3, 1, 1, MORNING.plusSeconds(120),
						"203.0.113.3"),
				new KeyDayUsage("acct_a", "key_b", LocalDate.parse("2026-11-20"), 1, 1, 0, MORNING, "2001:db8::1"),
				new KeyDayUsage("acct_a", "key_a", LocalDate.parse("2026-11-21"), 1, 0, 0,
						Instant.parse("2026-11-21T00:00:00Z"), "203.0.113.4"));
	}

	@Test
	void countsNothingForRequestsWithoutAKey() {
		RequestLogged unidentified = new RequestLogged("r1", null, null, "GET", "/api/v1/products", 401, 1,
				"203.0.113.1", null, MORNING, "missing_api_key");

		assertThat(KeyDayUsage.of(List.of(unidentified))).isEmpty();
	}

	private static RequestLogged request(String keyId, int status, Instant at, String ip) {
		return new RequestLogged(at + keyId + status, "acct_a", keyId, "GET", "/api/v1/products", status, 5, ip,
				"curl/8.5", at, null);
	}

}

package io.claimport.audit.request.domain;

import java.time.Instant;

import io.claimport.common.event.RequestLogged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableRequestTest {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	@Test
	void cutsAMethodLongerThanItsColumnAndMarksTheCut() {
		RequestLogged stored = StorableRequest.of(entry("PROPFINDANDMOREANDMOREANDMOREANDMORE", "/api/v1/products"),
				NOW);

		assertThat(stored.method()).hasSize(StorableRequest.METHOD)
			.startsWith("PROPFINDANDMORE")
			.endsWith(StorableRequest.CUT);
	}

	@Test
	void keepsAnOrdinaryEntryAsItIs() {
		RequestLogged entry = entry("GET", "/api/v1/products/prod_1");

		assertThat(StorableRequest.of(entry, NOW)).isEqualTo(entry);
	}

	@Test
	void replacesCharactersTheDatabaseCannotStore() {
		RequestLogged stored = StorableRequest.of(entry("GE\u0000T", "/api/\uD800x/\uDC00/\uD83D\uDE00"), NOW);

		assertThat(stored.method()).isEqualTo("GE\uFFFDT");
		assertThat(stored.path()).isEqualTo("/api/\uFFFDx/\uFFFD/\uD83D\uDE00");
	}

	@Test
	void neverCutsASurrogatePairInHalf() {
		String path = "x".repeat(StorableRequest.PATH - 2) + "\uD83D\uDE00\uD83D\uDE00";

		String stored = StorableRequest.of(entry("GET", path), NOW).path();

		assertThat(stored).hasSizeLessThanOrEqualTo(StorableRequest.PATH).endsWith("x" + StorableRequest.CUT);
	}

	@Test
	void fillsInWhatAnEntryLacks() {
		RequestLogged stored = StorableRequest
			.of(new RequestLogged(null, null, null, null, null, 400, 1, null, null, null, null), NOW);

		assertThat(stored.requestId()).startsWith("unidentified-");
		assertThat(stored.method()).isEqualTo("?");
		assertThat(stored.path()).isEmpty();
		assertThat(stored.receivedAt()).isEqualTo(NOW);
	}

	private static RequestLogged entry(String method, String path) {
		return new RequestLogged("req_1", "acct_1", "key_1", method, path, 200, 3, "127.0.0.1", "curl/8", NOW, null);
	}

}

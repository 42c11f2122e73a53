package io.claimport.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.claimport.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits against a gateway whose clock the test moves, so that window boundaries can
 * be hit to the millisecond. Professional is set to 5 a minute and 8 a day here.
 */
@Import(RateLimitIT.TestClock.class)
@TestPropertySource(properties = { "claimport.gateway.plans.professional.requests-per-minute=5",
		"claimport.gateway.plans.professional.requests-per-day=8" })
class RateLimitIT extends GatewayTest {

	static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

	@Autowired
	MovableClock clock;

	ApiClient key;

	@BeforeEach
	void newKeyAtNoon() {
		this.clock.set(NOON);
		this.key = keyed(newAccountKey("PROFESSIONAL"));
	}

	@Test
	void noSixtySecondWindowGetsMoreThanTheMinuteLimitAndAPermitReturnsExactlyAMinuteLater() {
		for (int i = 0; i < 5; i++) {
			this.clock.set(NOON.plusSeconds(10L * i));
			ApiClient.Response granted = this.key.get("/api/v1/products");
			assertThat(granted.status()).isEqualTo(200);
			assertThat(granted.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(4 - i));
		}

		this.clock.set(NOON.plusSeconds(50));
		ApiClient.Response refused = this.key.get("/api/v1/products");
		this.clock.set(NOON.plusMillis(59_999));
		ApiClient.Response lastMillisecond = this.key.get("/api/v1/products");
		this.clock.set(NOON.plusSeconds(60));
		ApiClient.Response firstFreed = this.key.get("/api/v1/products");
		ApiClient.Response secondStillTaken = this.key.get("/api/v1/products");
		this.clock.set(NOON.plusSeconds(70));
		ApiClient.Response secondFreed = this.key.get("/api/v1/products");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isEqualTo("10");
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asString()).isEqualTo("https://claimport.io/problems/rate-limited");
		assertThat(refused.json().get("window").asString()).isEqualTo("minute");
		assertThat(refused.json().get("limit").asInt()).isEqualTo(5);
		assertThat(lastMillisecond.status()).isEqualTo(429);
		assertThat(lastMillisecond.header("Retry-After")).isEqualTo("1");
		assertThat(firstFreed.status()).isEqualTo(200);
		assertThat(secondStillTaken.status()).isEqualTo(429);
		assertThat(secondFreed.status()).isEqualTo(200);
		assertThat(backendSaw).as("refused requests never reach a service").hasSize(7);
	}

	@Test
	void everyResponseTellsWhereTheKeyStandsForTheMinuteAndTheDay() {
		ApiClient.Response response = this.key.get("/api/v1/orders");

		assertThat(response.header("X-RateLimit-Limit")).isEqualTo("5");
		assertThat(response.header("X-RateLimit-Remaining")).isEqualTo("4");
		assertThat(response.header("X-RateLimit-Reset")).isEqualTo(Long.toString(NOON.getEpochSecond() + 60));
		assertThat(response.header("X-RateLimit-Limit-Day")).isEqualTo("8");
		assertThat(response.header("X-RateLimit-Remaining-Day")).isEqualTo("7");
		assertThat(response.header("X-RateLimit-Reset-Day"))
			.isEqualTo(Long.toString(Instant.parse("2026-11-24T00:00:00Z").getEpochSecond()));
		assertThat(response.header("RateLimit-Policy")).isEqualTo("\"minute\";q=5;w=60, \"day\";q=8;w=86400");
		assertThat(response.header("RateLimit")).isEqualTo("\"minute\";r=4;t=60, \"day\";r=7;t=43200");
	}

	@Test
	void aBulkRequestCountsAsOne() {
		ApiClient.Response bulk = this.key.post("/api/v1/products",
				List.of(Map.of("name", "A"), Map.of("name", "B"), Map.of("name", "C")));

		assertThat(bulk.status()).isEqualTo(200);
		assertThat(bulk.header("X-RateLimit-Remaining")).isEqualTo("4");
		assertThat(bulk.header("X-RateLimit-Remaining-Day")).isEqualTo("7");
	}

	@Test
	void theDailyQuotaRefusesUntilMidnightUtcThenStartsAgain() {
		for (int i = 0; i < 8; i++) {
			this.clock.set(NOON.plus(Duration.ofMinutes(i)));
			assertThat(this.key.get("/api/v1/claims").status()).isEqualTo(200);
		}

		this.clock.set(Instant.parse("2026-11-23T23:59:59Z"));
		ApiClient.Response refused = this.key.get("/api/v1/claims");
		this.clock.set(Instant.parse("2026-11-24T00:00:00Z"));
		ApiClient.Response nextDay = this.key.get("/api/v1/claims");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isEqualTo("1");
		assertThat(refused.header("X-RateLimit-Remaining-Day")).isEqualTo("0");
		assertThat(refused.json().get("window").asString()).isEqualTo("day");
		assertThat(refused.json().get("detail").asString()).contains("8 requests for today (UTC)");
		assertThat(nextDay.status()).isEqualTo(200);
		assertThat(nextDay.header("X-RateLimit-Remaining-Day")).isEqualTo("7");
	}

	@Test
	void aRequestRefusedForTheMinuteCostsNothingFromTheDay() {
		for (int i = 0; i < 5; i++) {
			this.key.get("/api/v1/claims");
		}
		ApiClient.Response refused = this.key.get("/api/v1/claims");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("X-RateLimit-Remaining-Day")).isEqualTo("3");
	}

	/** A clock the test sets; every part of the gateway reads it. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Instant> now = new AtomicReference<>(NOON);

		void set(Instant instant) {
			this.now.set(instant);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}

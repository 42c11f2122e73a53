package io.claimport.gateway.key;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeySecretTest {

	@Test
	void keysCarryTheLivePrefixAnd288RandomBits() {
		String secret = ApiKeySecret.generate();

		assertThat(secret).startsWith("cp_live_").hasSize(8 + 48).matches("cp_live_[A-Za-z0-9_-]{48}");
		assertThat(ApiKeySecret.isWellFormed(secret)).isTrue();
	}

	@Test
	void keysDoNotRepeat() {
		Set<String> secrets = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			secrets.add(ApiKeySecret.generate());
		}
		assertThat(secrets).hasSize(10_000);
	}

	@Test
	void recognisesValuesThatCannotBeKeys() {
		String secret = ApiKeySecret.generate();

		assertThat(ApiKeySecret.isWellFormed(null)).isFalse();
		assertThat(ApiKeySecret.isWellFormed("cp_live_short")).isFalse();
		assertThat(ApiKeySecret.isWellFormed("cp_test_" + secret.substring(8))).isFalse();
		assertThat(ApiKeySecret.isWellFormed(secret.substring(0, 55) + "!")).isFalse();
	}

	@Test
	void listsShowOnlyThePrefixAndTheLastFourCharacters() {
		String secret = ApiKeySecret.generate();

		assertThat(ApiKeySecret.displayPrefix(secret)).isEqualTo(secret.substring(0, 12));
		assertThat(ApiKeySecret.lastFour(secret)).isEqualTo(secret.substring(52));
	}

}

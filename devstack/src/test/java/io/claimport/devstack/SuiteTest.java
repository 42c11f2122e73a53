package io.claimport.devstack;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteTest {

	@Test
	void aServiceThatDiedOnceIsRestartedAtOnceAndOneThatKeepsDyingEverLaterUpToHalfAMinute() {
		assertThat(Suite.restartDelay(1)).isZero();
		assertThat(Suite.restartDelay(2)).isEqualTo(Duration.ofSeconds(1));
		assertThat(Suite.restartDelay(3)).isEqualTo(Duration.ofSeconds(2));
		assertThat(Suite.restartDelay(6)).isEqualTo(Duration.ofSeconds(16));
		assertThat(Suite.restartDelay(7)).isEqualTo(Duration.ofSeconds(30));
		assertThat(Suite.restartDelay(1000)).isEqualTo(Duration.ofSeconds(30));
	}

}

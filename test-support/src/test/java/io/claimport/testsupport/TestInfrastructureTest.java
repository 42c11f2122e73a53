package io.claimport.testsupport;

import io.claimport.testsupport.TestInfrastructure.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TestInfrastructureTest {

	@Test
	void theSwitchNamesEitherKindInAnyCase() {
		assertThat(Kind.of("embedded")).isEqualTo(Kind.EMBEDDED);
		assertThat(Kind.of("Containers")).isEqualTo(Kind.CONTAINERS);
	}

	@Test
	void aValueOfTheSwitchThatNamesNoKindIsRefusedNamingTheChoices() {
		assertThatIllegalStateException().isThrownBy(() -> Kind.of("docker"))
			.withMessageContaining("CLAIMPORT_TEST_INFRA")
			.withMessageContaining("'embedded'")
			.withMessageContaining("'containers'")
			.withMessageContaining("'docker'");
	}

	@Test
	void withoutTheSwitchTestsRunOnTheEmbeddedInfrastructureWhetherOrNotADockerEngineRuns() {
		String before = System.getProperty(TestInfrastructure.SWITCH);
		System.setProperty(TestInfrastructure.SWITCH, "");
		try {
			assertThat(TestInfrastructure.kind()).isEqualTo(Kind.EMBEDDED);
			System.setProperty(TestInfrastructure.SWITCH, "containers");
			assertThat(TestInfrastructure.kind()).isEqualTo(Kind.CONTAINERS);
		}
		finally {
			if (before == null) {
				System.clearProperty(TestInfrastructure.SWITCH);
			}
			else {
				System.setProperty(TestInfrastructure.SWITCH, before);
			}
		}
	}

}

package io.claimport.gateway.requestlog;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ExcludedPathsTest {

	@Test
	void leavesOutWhatItsPatternsMatchAndNothingElse() {
		ExcludedPaths excluded = ExcludedPaths.of(List.of("/actuator/**", "/plain/**"));

		assertThat(excluded.contains(PathContainer.parsePath("/actuator/health"))).isTrue();
		assertThat(excluded.contains(PathContainer.parsePath("/actuator/health/liveness"))).isTrue();
		assertThat(excluded.contains(PathContainer.parsePath("/plain/api/v1/products"))).isTrue();
		assertThat(excluded.contains(PathContainer.parsePath("/api/v1/products"))).isFalse();
		assertThat(excluded.contains(PathContainer.parsePath("/admin/v1/accounts"))).isFalse();
		assertThat(excluded.contains(PathContainer.parsePath("/actuatorx"))).isFalse();
	}

	@Test
	void refusesPatternsThatCouldLeaveOutTheApiOrTheAdminApi() {
		for (String pattern : List.of("/api/**", "/admin/v1/audit/**", "/**", "/*/v1/**", "/{segment}/**", "/ap?/**",
				"actuator/**", "")) {
			assertThatIllegalArgumentException().as(pattern)
				.isThrownBy(() -> ExcludedPaths.of(List.of(pattern)))
				.withMessageContaining("excluded-paths")
				.withMessageContaining("/api and /admin");
		}
	}

}

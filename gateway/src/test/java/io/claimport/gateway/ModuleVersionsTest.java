package io.claimport.gateway;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versions the build declares are the ones that run: a BOM imported earlier (Spring
 * Cloud's manages resilience4j too) would otherwise win silently.
 */
class ModuleVersionsTest {

	@Test
	void resilience4jRunsAtTheVersionThePomDeclares() throws Exception {
		String declared = System.getProperty("resilience4j.version");
		assertThat(declared).as("the build passes resilience4j.version to the tests").isNotBlank();
		for (Class<?> type : List.of(IntervalFunction.class, CircuitBreaker.class, RateLimiter.class)) {
			assertThat(bundleVersionOf(type)).as(type.getName()).isEqualTo(declared);
		}
	}

	private static String bundleVersionOf(Class<?> type) throws IOException, URISyntaxException {
		Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.getManifest().getMainAttributes().getValue("Bundle-Version");
		}
	}

}

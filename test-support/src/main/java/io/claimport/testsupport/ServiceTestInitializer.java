package io.claimport.testsupport;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's test context at the shared test infrastructure: a fresh database of
 * its own on the shared PostgreSQL, the shared Kafka broker, and the test gateway's
 * public key; and registers its API contract ({@link ApiContract}), against which
 * {@link ApiClient} checks every answer from it.
 */
public class ServiceTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		String applicationName = environment.getProperty("spring.application.name", "service");
		environment.getPropertySources()
			.addFirst(new MapPropertySource("claimport-test-infrastructure",
					TestInfrastructure.serviceProperties(applicationName)));
		// every answer a test gets from the service is checked against its API contract
		context.addApplicationListener((ApplicationListener<WebServerInitializedEvent>) (event) -> {
			if (event.getApplicationContext().getServerNamespace() == null) {
				String base = "http://localhost:" + event.getWebServer().getPort();
				// the gateway serves the whole API's contract, a service its own
				String path = "gateway".equals(applicationName) ? "/api/v1/openapi.json" : "/v3/api-docs";
				ApiContract.register(base, () -> ApiContract.fetch(base + path));
			}
		});
	}

}

package io.claimport.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's test context at the shared test infrastructure: a fresh database of
 * its own on the shared PostgreSQL, the shared Kafka broker, and the test gateway's
 * public key.
 */
public class ServiceTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		String applicationName = environment.getProperty("spring.application.name", "service");
		environment.getPropertySources()
			.addFirst(new MapPropertySource("claimport-test-infrastructure",
					TestInfrastructure.serviceProperties(applicationName)));
	}

}

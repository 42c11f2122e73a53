package io.claimport.testsupport;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
		TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
		String database = databaseName(environment.getProperty("spring.application.name", "service"));
		postgres.createDatabase(database);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("claimport-test-infrastructure",
					Map.of("spring.datasource.url", postgres.jdbcUrl(database), "spring.datasource.username",
							postgres.user(), "spring.datasource.password", postgres.password(),
							"spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers(),
							"claimport.identity.jwks-location", TestIdentities.jwksLocation())));
	}

	private static String databaseName(String applicationName) {
		String base = applicationName.toLowerCase().replaceAll("[^a-z0-9]", "_");
		return base + "_" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
	}

}

package io.claimport.service.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every service shares ({@code claimport-service-defaults.yml}) behind
 * all others: a service's own application.yml, environment variables and arguments each
 * override them. A {@code spring.config.import} would do the opposite and let the shared
 * file win.
 */
class ServiceDefaults implements EnvironmentPostProcessor {

	private static final String LOCATION = "claimport-service-defaults.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("claimport-service-defaults",
					new ClassPathResource(LOCATION))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read " + LOCATION, ex);
		}
	}

}

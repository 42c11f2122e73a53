package io.claimport.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, checked offline the way k8s/ is: the services, their images, health
 * checks and start order, and that every variable an application is given is one it
 * reads. (deploy/compose-smoke.sh runs it for real.)
 */
class ComposeFileTest {

	private static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("gateway", 8180, "catalog-service", 8181,
			"order-service", 8182, "claims-service", 8183, "analytics-service", 8184, "audit-service", 8185);

	/** An image named by a variable with a default: ${NAME:-default}. */
	private static final Pattern VARIABLE_IMAGE = Pattern.compile(".*\\$\\{[A-Z_]+:-[^}]+}.*");

	/** A value taken from .env that must be set: ${NAME:?message}. */
	private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z_]+:\\?[^}]+}");

	private static Map<String, Map<String, Object>> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readTheComposeFile() throws IOException {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		Map<String, Object> compose = yaml.load(Files.readString(Manifests.ROOT.resolve("docker-compose.yml")));
		services = (Map<String, Map<String, Object>>) compose.get("services");
	}

	@Test
	void runsPostgresKafkaTheSixApplicationsAndALoadBalancer() {
		assertThat(services).containsKeys("postgres", "kafka", "edge", "setup");
		assertThat(services).containsKeys(Manifests.CONFIGURATION.keySet().toArray(String[]::new));
	}

	@Test
	void everyImageIsAVariableWithTheDefaultThatUsersPull() {
		services.forEach((name, service) -> assertThat((String) service.get("image")).as(name).matches(VARIABLE_IMAGE));
		assertThat((String) services.get("postgres").get("image")).contains(":-postgres:");
		assertThat((String) services.get("kafka").get("image")).contains(":-apache/kafka:");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyApplicationIsCheckedOnItsReadinessEndpointAndStartsAfterItsInfrastructureIsHealthy() {
		MANAGEMENT_PORTS.forEach((name, port) -> {
			Map<String, Object> service = services.get(name);
			List<String> test = (List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test");
			assertThat(String.join(" ", test)).as(name)
				.contains("http://localhost:" + port + "/actuator/health/readiness");
			Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
			assertThat(dependsOn).as(name).containsOnlyKeys("postgres", "kafka");
			dependsOn.values()
				.forEach((condition) -> assertThat(condition).containsEntry("condition", "service_healthy"));
			assertThat(service).as(name).containsKeys("mem_limit", "restart", "stop_grace_period");
		});
		for (String infrastructure : List.of("postgres", "kafka")) {
			assertThat(services.get(infrastructure)).as(infrastructure)
				.containsKeys("healthcheck", "mem_limit", "restart");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyVariableAnApplicationIsGivenIsOneItReads() {
		MANAGEMENT_PORTS.keySet().forEach((name) -> {
			Map<String, Object> environment = (Map<String, Object>) services.get(name).get("environment");
			assertThat(Manifests.variablesRead(name)).as(name + " is given variables it never reads")
				.containsAll(environment.keySet());
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void secretsComeFromTheEnvironmentAndNoneIsCommitted() throws IOException {
		services.forEach((name, service) -> {
			Object environment = service.get("environment");
			if (environment instanceof Map<?, ?> variables) {
				((Map<String, Object>) variables).forEach((variable, value) -> {
					if (variable.contains("PASSWORD") || variable.contains("TOKEN")
							|| variable.equals("GATEWAY_SIGNING_KEY")) {
						assertThat(String.valueOf(value)).as(name + " " + variable).matches(REQUIRED_VARIABLE);
					}
				});
			}
		});
		List<String> example = Files.readAllLines(Manifests.ROOT.resolve(".env.example"));
		int secrets = example.indexOf("# --- secrets (new-env.sh writes everything below this line) ---");
		assertThat(secrets).isPositive();
		assertThat(example.subList(secrets + 1, example.size())).allSatisfy((line) -> {
			if (!line.startsWith("#")) {
				assertThat(line).as("a secret in .env.example").endsWith("=");
			}
		});
		assertThat(Files.readAllLines(Manifests.ROOT.resolve(".gitignore"))).contains(".env");
	}

}

package io.claimport.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
	void prometheusScrapesEveryReplicaOfEveryApplicationOnItsManagementPort() throws IOException {
		Map<String, Object> prometheus = yaml(Manifests.ROOT.resolve("deploy/observability/prometheus.yml"));
		Map<String, Integer> scraped = new HashMap<>();
		for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
			assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
			for (Map<String, Object> discovery : (List<Map<String, Object>>) job.get("dns_sd_configs")) {
				// Docker's DNS answers one A record per replica of a service
				assertThat(discovery.get("type")).isEqualTo("A");
				for (String name : (List<String>) discovery.get("names")) {
					scraped.put(name, (Integer) discovery.get("port"));
				}
			}
		}
		assertThat(scraped).isEqualTo(MANAGEMENT_PORTS);
		assertThat(scraped.keySet()).allMatch(services::containsKey);
	}

	@Test
	@SuppressWarnings("unchecked")
	void grafanaFindsItsDataSourceAndDashboardWhereComposeMountsThem() throws IOException {
		Map<String, Object> datasources = yaml(
				Manifests.ROOT.resolve("deploy/observability/grafana/provisioning/datasources/prometheus.yml"));
		Map<String, Object> datasource = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
		assertThat((String) datasource.get("url")).isEqualTo("http://prometheus:9090");
		Map<String, Object> providers = yaml(
				Manifests.ROOT.resolve("deploy/observability/grafana/provisioning/dashboards/claimport.yml"));
		String dashboards = (String) ((Map<String, Object>) ((List<Map<String, Object>>) providers.get("providers"))
			.get(0)
			.get("options")).get("path");
		assertThat((List<String>) services.get("grafana").get("volumes"))
			.contains("./deploy/observability/grafana/dashboards:" + dashboards + ":ro");

		JsonNode dashboard = JsonMapper.builder()
			.build()
			.readTree(
					Files.readString(Manifests.ROOT.resolve("deploy/observability/grafana/dashboards/claimport.json")));
		assertThat(dashboard.get("panels").size()).isPositive();
		dashboard.get("panels").forEach((panel) -> {
			assertThat(panel.get("datasource").get("uid").asString()).isEqualTo(datasource.get("uid"));
			assertThat(panel.get("targets").size()).as(panel.get("title").asString()).isPositive();
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void tracesGoToTheCollectorWhichHandsThemToJaeger() throws IOException {
		Map<String, Object> collector = yaml(Manifests.ROOT.resolve("deploy/observability/otel-collector.yml"));
		Map<String, Object> http = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) collector
			.get("receivers")).get("otlp")).get("protocols")).get("http");
		assertThat((String) http.get("endpoint")).endsWith(":4318");
		MANAGEMENT_PORTS.keySet().forEach((name) -> {
			Map<String, Object> environment = (Map<String, Object>) services.get(name).get("environment");
			assertThat(environment.get("OTLP_TRACES_ENDPOINT")).as(name)
				.isEqualTo("http://otel-collector:4318/v1/traces");
		});
		String jaeger = (String) ((Map<String, Object>) ((Map<String, Object>) collector.get("exporters"))
			.get("otlp/jaeger")).get("endpoint");
		assertThat(services).containsKey(jaeger.substring(0, jaeger.indexOf(':')));
	}

	private static Map<String, Object> yaml(Path file) throws IOException {
		return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
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

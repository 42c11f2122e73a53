package io.claimport.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.claimport.common.event.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/, checked offline: every kustomization renders, every object parses strictly
 * against the Kubernetes API model, and the promises between the objects hold.
 */
class KubernetesManifestsTest {

	private static final Map<String, List<HasMetadata>> RENDERED = new LinkedHashMap<>();

	private static final String[] COMPONENTS = { "autoscaling", "pdb", "network-policies", "operators", "ingress" };

	@BeforeAll
	static void renderEveryKustomization() throws IOException {
		RENDERED.put("base", Manifests.parse(Manifests.render(Manifests.K8S.resolve("base"))));
		RENDERED.put("overlays/production",
				Manifests.parse(Manifests.render(Manifests.K8S.resolve("overlays/production"))));
		// each component on its own over the base, as a user may pick any of them
		for (String component : COMPONENTS) {
			// kustomize takes relative paths only
			Path overlay = Files.createDirectories(Path.of("target", "k8s", component).toAbsolutePath());
			Files.writeString(overlay.resolve("kustomization.yaml"),
					"apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - "
							+ overlay.relativize(Manifests.K8S.resolve("base")) + "\ncomponents:\n  - "
							+ overlay.relativize(Manifests.K8S.resolve("components").resolve(component)) + "\n");
			RENDERED.put("base + " + component, Manifests.parse(Manifests.render(overlay)));
		}
	}

	@Test
	void everyKustomizationRendersTheSixApplications() {
		RENDERED.forEach((name, objects) -> assertThat(names(objects, Deployment.class)).as(name)
			.containsExactlyInAnyOrderElementsOf(Manifests.CONFIGURATION.keySet()));
	}

	@Test
	void everyObjectParsesStrictlyAgainstTheKubernetesModel() {
		RENDERED.forEach((name, objects) -> {
			for (HasMetadata object : objects) {
				assertThat(Manifests.unknownFields(object)).as(name + ": " + describe(object)).isEmpty();
				if (object instanceof GenericKubernetesResource) {
					// custom resources of the operators the operators component names
					assertThat(object.getApiVersion()).as(name + ": " + describe(object))
						.isIn("kafka.strimzi.io/v1beta2", "postgresql.cnpg.io/v1");
				}
			}
		});
	}

	@Test
	void everyServiceSelectsPodsThatExistAndTargetsAPortTheyHave() {
		RENDERED.forEach((name, objects) -> {
			for (Service service : of(objects, Service.class)) {
				List<PodSpec> pods = podsSelectedBy(objects, service.getSpec().getSelector());
				assertThat(pods).as(name + ": pods of " + describe(service)).isNotEmpty();
				for (ServicePort port : service.getSpec().getPorts()) {
					for (PodSpec pod : pods) {
						assertThat(hasPort(pod, port.getTargetPort()))
							.as(name + ": " + describe(service) + " targets " + port.getTargetPort())
							.isTrue();
					}
				}
			}
		});
	}

	@Test
	void theManagementPortAnswersProbesAndIsNeverExposedByAService() {
		RENDERED.forEach((name, objects) -> {
			for (Deployment deployment : of(objects, Deployment.class)) {
				Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
				for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(),
						container.getReadinessProbe())) {
					assertThat(probe.getHttpGet().getPort().getStrVal()).as(name + ": " + describe(deployment))
						.isEqualTo("management");
				}
				assertThat(probe(container.getReadinessProbe())).isEqualTo("/actuator/health/readiness");
			}
			for (Service service : of(objects, Service.class)) {
				assertThat(service.getSpec().getPorts()).as(name + ": " + describe(service))
					.allSatisfy((port) -> assertThat(port.getTargetPort().getStrVal()).isNotEqualTo("management"));
			}
		});
	}

	@Test
	void everyDeploymentRunsHardenedWithItsOwnServiceAccountAndTimeToShutDown() {
		RENDERED.forEach((name, objects) -> {
			Set<String> accounts = names(objects, io.fabric8.kubernetes.api.model.ServiceAccount.class);
			for (Deployment deployment : of(objects, Deployment.class)) {
				PodSpec pod = deployment.getSpec().getTemplate().getSpec();
				Container container = pod.getContainers().get(0);
				String what = name + ": " + describe(deployment);
				assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(what).isTrue();
				assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(what).isTrue();
				assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(what).isFalse();
				assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(what).containsExactly("ALL");
				assertThat(container.getResources().getRequests()).as(what).containsKeys("cpu", "memory");
				assertThat(container.getResources().getLimits()).as(what).containsKeys("cpu", "memory");
				assertThat(pod.getServiceAccountName()).as(what).isEqualTo(deployment.getMetadata().getName());
				assertThat(accounts).as(what).contains(pod.getServiceAccountName());
				long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
				// the connection drain, up to 10 s (the gateway's SHUTDOWN_DRAIN), then
				// the shutdown phase, 30 s (spring.lifecycle.timeout-per-shutdown-phase)
				assertThat(pod.getTerminationGracePeriodSeconds()).as(what).isGreaterThan(preStop + 10 + 30);
			}
		});
	}

	@Test
	void everyAutoscalerTargetsADeploymentThatExistsWithTwoReplicasAtLeast() {
		RENDERED.forEach((name, objects) -> {
			Set<String> deployments = names(objects, Deployment.class);
			for (HorizontalPodAutoscaler autoscaler : of(objects, HorizontalPodAutoscaler.class)) {
				assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
				assertThat(deployments).as(name + ": " + describe(autoscaler))
					.contains(autoscaler.getSpec().getScaleTargetRef().getName());
				assertThat(autoscaler.getSpec().getMinReplicas()).as(describe(autoscaler)).isGreaterThanOrEqualTo(2);
			}
		});
		assertThat(names(RENDERED.get("base + autoscaling"), HorizontalPodAutoscaler.class))
			.containsExactlyInAnyOrderElementsOf(Manifests.CONFIGURATION.keySet());
	}

	@Test
	void everyTopicOfTheSuiteHasTheSettingsTheServicesCreateItWith() {
		Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
		for (HasMetadata object : RENDERED.get("overlays/production")) {
			if (object instanceof GenericKubernetesResource topic && "KafkaTopic".equals(topic.getKind())) {
				Map<String, Object> spec = topic.get("spec");
				configs.put((String) spec.get("topicName"), (Map<String, Object>) spec.get("config"));
			}
		}
		List<String> suite = Topics.ALL.stream()
			.flatMap((topic) -> Stream.of(topic, Topics.deadLetter(topic)))
			.toList();

		assertThat(configs.keySet()).containsExactlyInAnyOrderElementsOf(suite);
		configs.forEach((topic, config) -> Topics.settingsOf(topic)
			.forEach((name, value) -> assertThat(String.valueOf(config.get(name))).as(topic + " " + name)
				.isEqualTo(value)));
	}

	@Test
	void aConsumerNeverScalesBeyondThePartitionsOfTheTopicsItConsumes() {
		List<HasMetadata> production = RENDERED.get("overlays/production");
		Map<String, Integer> partitions = new LinkedHashMap<>();
		for (HasMetadata object : production) {
			if (object instanceof GenericKubernetesResource topic && "KafkaTopic".equals(topic.getKind())) {
				Map<String, Object> spec = topic.get("spec");
				partitions.put((String) spec.get("topicName"), (Integer) spec.get("partitions"));
			}
		}
		int consumers = 0;
		for (Deployment deployment : of(production, Deployment.class)) {
			String consumes = deployment.getMetadata().getAnnotations().get("claimport.io/consumes");
			if (consumes == null) {
				continue;
			}
			consumers++;
			int fewest = Stream.of(consumes.split(","))
				.mapToInt((topic) -> Objects.requireNonNull(partitions.get(topic), "no KafkaTopic " + topic))
				.min()
				.orElseThrow();
			HorizontalPodAutoscaler autoscaler = named(production, HorizontalPodAutoscaler.class,
					deployment.getMetadata().getName());
			assertThat(autoscaler.getSpec().getMaxReplicas()).as(describe(deployment)).isLessThanOrEqualTo(fewest);
		}
		assertThat(consumers).as("analytics, audit and claims consume").isEqualTo(3);
	}

	@Test
	void theGatewayKeepsLimitsSharedWheneverItCanHaveMoreThanOneReplica() {
		RENDERED.forEach((name, objects) -> {
			Deployment gateway = named(objects, Deployment.class, "gateway");
			int most = of(objects, HorizontalPodAutoscaler.class).stream()
				.filter((autoscaler) -> autoscaler.getSpec().getScaleTargetRef().getName().equals("gateway"))
				.mapToInt((autoscaler) -> autoscaler.getSpec().getMaxReplicas())
				.max()
				.orElse(gateway.getSpec().getReplicas());
			String shared = named(objects, ConfigMap.class, "gateway").getData().get("SHARED_LIMITS");
			if (most > 1) {
				assertThat(shared).as(name).isEqualTo("true");
			}
		});
	}

	@Test
	void everyNetworkPolicySelectsPodsThatExist() {
		List<HasMetadata> objects = RENDERED.get("base + network-policies");
		List<NetworkPolicy> policies = of(objects, NetworkPolicy.class);
		assertThat(policies).isNotEmpty();
		for (NetworkPolicy policy : policies) {
			assertThat(podsSelectedBy(objects, policy.getSpec().getPodSelector().getMatchLabels())).as(describe(policy))
				.isNotEmpty();
		}
		assertThat(policies).anySatisfy((policy) -> {
			assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
			assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
			assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
		});
	}

	@Test
	void everyPodDisruptionBudgetCoversADeployment() {
		List<HasMetadata> objects = RENDERED.get("base + pdb");
		for (PodDisruptionBudget budget : of(objects, PodDisruptionBudget.class)) {
			assertThat(podsSelectedBy(objects, budget.getSpec().getSelector().getMatchLabels())).as(describe(budget))
				.hasSize(1);
		}
		assertThat(of(objects, PodDisruptionBudget.class)).hasSize(6);
	}

	@Test
	void everyEnvironmentVariableADeploymentSetsIsOneTheApplicationReads() {
		RENDERED.forEach((name, objects) -> {
			for (Deployment deployment : of(objects, Deployment.class)) {
				Set<String> read = Manifests.variablesRead(deployment.getMetadata().getName());
				Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
				Set<String> set = new HashSet<>();
				container.getEnv().stream().map(EnvVar::getName).forEach(set::add);
				for (EnvFromSource source : container.getEnvFrom()) {
					ConfigMap config = named(objects, ConfigMap.class, source.getConfigMapRef().getName());
					set.addAll(config.getData().keySet());
				}
				assertThat(read).as(name + ": " + describe(deployment) + " sets variables it never reads")
					.containsAll(set);
			}
		});
	}

	@Test
	void noSecretIsCommittedWithAValue() {
		RENDERED.forEach((name, objects) -> {
			for (Secret secret : of(objects, Secret.class)) {
				assertThat(secret.getData()).as(name + ": " + describe(secret)).isNullOrEmpty();
				assertThat(secret.getStringData()).as(name + ": " + describe(secret)).isNullOrEmpty();
			}
			for (ConfigMap config : of(objects, ConfigMap.class)) {
				assertThat(config.getData().keySet()).as(name + ": " + describe(config))
					.noneMatch((key) -> key.contains("PASSWORD") || key.contains("TOKEN")
							|| key.equals("GATEWAY_SIGNING_KEY"));
			}
		});
	}

	private static List<PodSpec> podsSelectedBy(List<HasMetadata> objects, Map<String, String> selector) {
		List<PodSpec> pods = new ArrayList<>();
		for (Deployment deployment : of(objects, Deployment.class)) {
			Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
			LabelSelector own = deployment.getSpec().getSelector();
			assertThat(labels).as(describe(deployment) + " selects its own pods")
				.containsAllEntriesOf(own.getMatchLabels());
			if (labels.entrySet().containsAll(selector.entrySet())) {
				pods.add(deployment.getSpec().getTemplate().getSpec());
			}
		}
		return pods;
	}

	private static boolean hasPort(PodSpec pod, IntOrString target) {
		return pod.getContainers()
			.stream()
			.flatMap((container) -> container.getPorts().stream())
			.anyMatch((port) -> matches(port, target));
	}

	private static boolean matches(ContainerPort port, IntOrString target) {
		return (target.getStrVal() != null) ? target.getStrVal().equals(port.getName())
				: target.getIntVal().equals(port.getContainerPort());
	}

	private static String probe(Probe probe) {
		return probe.getHttpGet().getPath();
	}

	private static <T extends HasMetadata> List<T> of(List<HasMetadata> objects, Class<T> type) {
		return objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
		return of(objects, type).stream()
			.filter((object) -> object.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
	}

	private static Set<String> names(List<HasMetadata> objects, Class<? extends HasMetadata> type) {
		return of(objects, type).stream().map((object) -> object.getMetadata().getName()).collect(Collectors.toSet());
	}

	private static String describe(HasMetadata object) {
		return object.getKind() + " " + object.getMetadata().getName();
	}

}

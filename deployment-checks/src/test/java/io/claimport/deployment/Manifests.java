package io.claimport.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * What the checks read: kustomizations rendered by {@code kubectl kustomize} (kubectl
 * 1.27 or newer, which has kustomize built in), parsed into the Kubernetes API model, and
 * the environment variables each application reads.
 */
final class Manifests {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final Path K8S = ROOT.resolve("k8s");

	/**
	 * Each application, its module and the configuration files its variables come from.
	 */
	static final Map<String, List<Path>> CONFIGURATION = Map.of("gateway",
			List.of(ROOT.resolve("gateway/src/main/resources/application.yml")), "catalog-service",
			serviceConfiguration("catalog-service"), "order-service", serviceConfiguration("order-service"),
			"claims-service", serviceConfiguration("claims-service"), "analytics-service",
			serviceConfiguration("analytics-service"), "audit-service", serviceConfiguration("audit-service"));

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private Manifests() {
	}

	private static List<Path> serviceConfiguration(String module) {
		return List.of(ROOT.resolve(module + "/src/main/resources/application.yml"),
				ROOT.resolve("service-support/src/main/resources/claimport-service-defaults.yml"));
	}

	/** The output of {@code kubectl kustomize} for a directory. */
	static String render(Path kustomization) {
		try {
			Path output = Files.createTempFile("kustomize", ".yaml");
			Path errors = Files.createTempFile("kustomize", ".err");
			Process process = new ProcessBuilder("kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone",
					kustomization.toString())
				.redirectOutput(output.toFile())
				.redirectError(errors.toFile())
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("kubectl kustomize " + kustomization + " took over a minute");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"kubectl kustomize " + kustomization + " failed: " + Files.readString(errors));
			}
			String rendered = Files.readString(output);
			Files.delete(output);
			Files.delete(errors);
			return rendered;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("kubectl (1.27 or newer) is needed to render k8s/: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Every object of a rendered kustomization, typed where the model knows its kind. */
	static List<HasMetadata> parse(String rendered) {
		List<HasMetadata> objects = new ArrayList<>();
		Object parsed = SERIALIZATION.unmarshal(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8)));
		if (parsed instanceof Collection<?> many) {
			many.forEach((object) -> objects.add((HasMetadata) object));
		}
		else {
			objects.add((HasMetadata) parsed);
		}
		return objects;
	}

	/**
	 * Fields the model does not know, anywhere in a typed object: the model keeps them
	 * aside instead of failing, so a misspelt field would otherwise go unnoticed until a
	 * cluster refused it.
	 */
	static List<String> unknownFields(Object object) {
		List<String> unknown = new ArrayList<>();
		if (!(object instanceof GenericKubernetesResource)) {
			collectUnknown(object, ((HasMetadata) object).getKind(), unknown, new HashSet<>());
		}
		return unknown;
	}

	private static void collectUnknown(Object object, String path, List<String> unknown, Set<Object> seen) {
		if (object == null || !object.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")
				|| !seen.add(object)) {
			return;
		}
		for (Method getter : object.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
				continue;
			}
			Object value;
			try {
				value = getter.invoke(object);
			}
			catch (ReflectiveOperationException ex) {
				continue;
			}
			String field = path + "." + getter.getName().substring(3);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
					unknown.add(path + ": " + extra.keySet());
				}
			}
			else if (value instanceof Collection<?> items) {
				int i = 0;
				for (Object item : items) {
					collectUnknown(item, field + "[" + i++ + "]", unknown, seen);
				}
			}
			else if (value instanceof Map<?, ?> entries) {
				entries.forEach((key, item) -> collectUnknown(item, field + "[" + key + "]", unknown, seen));
			}
			else {
				collectUnknown(value, field, unknown, seen);
			}
		}
	}

	/**
	 * The environment variables an application reads: the placeholders of its
	 * configuration.
	 */
	static Set<String> variablesRead(String application) {
		Set<String> variables = new HashSet<>();
		for (Path file : CONFIGURATION.get(application)) {
			try {
				Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
				while (matcher.find()) {
					variables.add(matcher.group(1));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return variables;
	}

}

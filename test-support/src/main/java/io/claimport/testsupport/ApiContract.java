package io.claimport.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAPI 3.1 description checked against real answers: an answer to an operation the
 * contract describes must have a status the operation lists and a body its schema for
 * that status and media type accepts (JSON Schema 2020-12, with the networknt validator).
 * The component schemas are read strictly: an answer with a field the contract does not
 * describe disagrees too. {@link ApiClient} checks every answer from a base URL a
 * contract is registered for, so every integration test checks the contract.
 */
public final class ApiContract {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, Supplier<ApiContract>> REGISTERED = new ConcurrentHashMap<>();

	private static final Map<String, ApiContract> LOADED = new ConcurrentHashMap<>();

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private final ObjectNode document;

	private final List<Template> templates;

	private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

	private ApiContract(JsonNode document) {
		this.document = strict(document.deepCopy());
		List<Template> found = new ArrayList<>();
		this.document.path("paths").propertyNames().forEach((path) -> found.add(Template.of(path)));
		// a literal segment wins over a variable one: /orders/statuses before
		// /orders/{id}
		found.sort(Comparator.comparingInt(Template::variables));
		this.templates = List.copyOf(found);
	}

	public static ApiContract of(JsonNode document) {
		return new ApiContract(document);
	}

	/** The contract a running application serves at this URL. */
	public static ApiContract fetch(String url) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(url + " answered " + response.statusCode());
			}
			return of(JSON.readTree(response.body()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the contract at " + url, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Checks every answer {@link ApiClient} gets from this base URL against the contract.
	 */
	public static void register(String baseUrl, Supplier<ApiContract> contract) {
		REGISTERED.put(baseUrl, contract);
		LOADED.remove(baseUrl);
	}

	/** Stops checking answers from this base URL. */
	public static void forget(String baseUrl) {
		REGISTERED.remove(baseUrl);
		LOADED.remove(baseUrl);
	}

	static Optional<ApiContract> forBase(String baseUrl) {
		Supplier<ApiContract> registered = REGISTERED.get(baseUrl);
		return (registered != null) ? Optional.of(LOADED.computeIfAbsent(baseUrl, (url) -> registered.get()))
				: Optional.empty();
	}

	public JsonNode document() {
		return this.document;
	}

	/**
	 * Where an answer disagrees with the contract; empty when it agrees or the contract
	 * does not describe the operation at all (a path nothing serves, a method it does not
	 * take).
	 */
	public List<String> disagreements(String method, String pathAndQuery, int status, String contentType, String body) {
		String path = pathAndQuery.split("\\?", 2)[0];
		Optional<Template> template = this.templates.stream()
			.filter((candidate) -> candidate.matches(path))
			.findFirst();
		JsonNode operation = template
			.map((found) -> this.document.path("paths").path(found.path()).path(method.toLowerCase(Locale.ROOT)))
			.orElse(null);
		if (operation == null || operation.isMissingNode()) {
			return List.of();
		}
		String where = method + " " + template.get().path() + " answered " + status;
		JsonNode response = operation.path("responses").path(String.valueOf(status));
		if (response.isMissingNode()) {
			response = operation.path("responses").path("default");
		}
		if (response.isMissingNode()) {
			return List.of(where + ", a status the contract does not list (it lists "
					+ operation.path("responses").propertyNames() + ")");
		}
		if (body == null || body.isEmpty()) {
			return List.of();
		}
		String mediaType = (contentType == null) ? "" : contentType.split(";", 2)[0].strip();
		JsonNode content = response.path("content");
		JsonNode media = content.path(mediaType);
		if (media.isMissingNode()) {
			media = content.path("*/*");
		}
		if (media.isMissingNode()) {
			return List.of(where + " with " + mediaType + ", which the contract does not list for it (it lists "
					+ content.propertyNames() + ")");
		}
		if (!mediaType.endsWith("json") || media.path("schema").isMissingNode()) {
			return List.of();
		}
		String key = template.get().path() + " " + method + " " + status + " " + mediaType;
		JsonNode schemaNode = media.path("schema");
		Schema schema = this.compiled.computeIfAbsent(key, (ignored) -> compile(schemaNode));
		List<Error> errors = schema.validate(body, com.networknt.schema.InputFormat.JSON);
		return errors.stream()
			.map((error) -> where + ": " + error.getInstanceLocation() + " " + error.getMessage())
			.toList();
	}

	/** A schema of the answer, its references resolved in the contract itself. */
	private Schema compile(JsonNode schema) {
		ObjectNode root = this.document.deepCopy();
		root.putArray("allOf").add(schema);
		return SCHEMAS.getSchema(SchemaLocation.of("https://contract.claimport.test/openapi.json"), root);
	}

	/**
	 * Component object schemas refuse properties they do not describe, but those open by
	 * design (problem details carry extension members) or composed of others.
	 */
	private static ObjectNode strict(JsonNode document) {
		ObjectNode copy = (ObjectNode) document;
		JsonNode schemas = copy.path("components").path("schemas");
		schemas.propertyNames().forEach((name) -> {
			JsonNode schema = schemas.path(name);
			if (schema instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")
					&& !object.has("allOf") && !object.has("oneOf") && !object.has("anyOf")
					&& !"Problem".equals(name)) {
				object.put("additionalProperties", false);
			}
		});
		return copy;
	}

	private record Template(String path, Pattern pattern, int variables) {

		static Template of(String path) {
			String regex = Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
			int variables = (int) path.chars().filter((c) -> c == '{').count();
			return new Template(path, Pattern.compile(regex), variables);
		}

		boolean matches(String candidate) {
			return this.pattern.matcher(candidate).matches();
		}

	}

}

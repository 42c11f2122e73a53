package io.claimport.gateway.docs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.claimport.common.problem.ProblemCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.webflux.api.OpenApiWebfluxResource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The contract of the whole API: the gateway's own (keys, accounts, admin; springdoc) and
 * each routed service's ({@code /v3/api-docs}), merged into one OpenAPI 3.1 document. A
 * service's internal paths become the public ones (a service's {@code /ops/v1/} is where
 * the gateway routes its admin path to: {@code /admin/v1/audit/} for the audit service);
 * a schema two services name alike but describe differently keeps both, the second named
 * after its service; every operation lists the errors the gateway itself answers (401,
 * 403, 429, 502, 503, 504) and its security (the API key, or the admin token on
 * {@code /admin/}). A service's description is kept for a minute; one that cannot be read
 * is left out and named in {@code x-unavailable}, its last good description used if there
 * is one.
 */
@Component
class ApiContractMerger {

	static final String API_DOCS = "/v3/api-docs";

	private static final String ADMIN = "/admin/v1/";

	private static final String OPS = "/ops/v1/";

	private static final Logger log = LoggerFactory.getLogger(ApiContractMerger.class);

	private static final Duration KEPT = Duration.ofMinutes(1);

	private static final String REF = "#/components/schemas/";

	private final RouteDefinitionLocator routes;

	private final OpenApiWebfluxResource own;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Map<URI, Fetched> fetched = new ConcurrentHashMap<>();

	ApiContractMerger(RouteDefinitionLocator routes, OpenApiWebfluxResource own, JsonMapper json, Clock clock) {
		this.routes = routes;
		this.own = own;
		this.json = json;
		this.clock = clock;
	}

	Mono<ObjectNode> merged(ServerHttpRequest request) {
		Mono<JsonNode> gateway = Mono.defer(() -> {
			try {
				return this.own.openapiJson(request, API_DOCS, Locale.ENGLISH).map(this.json::readTree);
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				return Mono.error(ex);
			}
		});
		Mono<List<Service>> services = this.routes.getRouteDefinitions()
			.filter((route) -> route.getUri() != null && route.getUri().getScheme().startsWith("http"))
			.collectList()
			.flatMapMany((all) -> Flux.fromIterable(distinctServices(all)))
			.flatMapSequential(this::describe)
			.collectList();
		return Mono.zip(gateway, services).map((both) -> merge(both.getT1(), both.getT2()));
	}

	/**
	 * One service per upstream, named after its first route, with the public prefix of
	 * its operators' paths: that of its route under {@code /admin/v1/} (rewritten to
	 * {@code /ops/v1/}), if it has one.
	 */
	private static List<Service> distinctServices(List<RouteDefinition> routes) {
		Map<URI, String> byUri = new LinkedHashMap<>();
		Map<URI, String> adminPrefixes = new LinkedHashMap<>();
		routes.forEach((route) -> {
			byUri.putIfAbsent(route.getUri(), route.getId());
			route.getPredicates()
				.stream()
				.filter((predicate) -> "Path".equals(predicate.getName()))
				.flatMap((predicate) -> predicate.getArgs().values().stream())
				.filter((path) -> path.startsWith(ADMIN) && path.endsWith("/**"))
				.findFirst()
				.ifPresent((path) -> adminPrefixes.putIfAbsent(route.getUri(), path.substring(0, path.length() - 2)));
		});
		List<Service> services = new ArrayList<>();
		byUri.forEach((uri, name) -> services.add(new Service(name, uri, adminPrefixes.get(uri), null)));
		return services;
	}

	private Mono<Service> describe(Service service) {
		Fetched known = this.fetched.get(service.uri());
		Instant now = this.clock.instant();
		if (known != null && known.at().plus(KEPT).isAfter(now)) {
			return Mono.just(service.with(known.document()));
		}
		HttpRequest request = HttpRequest.newBuilder(service.uri().resolve(API_DOCS))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		return Mono.fromFuture(() -> this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
			.map((response) -> {
				JsonNode document = (response.statusCode() == 200) ? this.json.readTree(response.body()) : null;
				if (document == null || !document.path("openapi").asString("").startsWith("3.1")) {
					throw new IllegalStateException("no OpenAPI 3.1 description");
				}
				this.fetched.put(service.uri(), new Fetched(document, now));
				return service.with(document);
			})
			.onErrorResume((ex) -> Mono.just(service.with((known != null) ? known.document() : null)));
	}

	private ObjectNode merge(JsonNode gateway, List<Service> services) {
		ObjectNode merged = this.json.createObjectNode();
		merged.put("openapi", "3.1.0");
		ObjectNode info = merged.putObject("info");
		info.put("title", "ClaimPort API");
		info.put("version", "v1");
		info.put("description",
				"Every operation of the ClaimPort API, at one gateway URL. Send the account's API key "
						+ "in X-API-Key (Authorize). Every error is an RFC 9457 problem whose type resolves to a page "
						+ "(GET /problems). Swagger UI: /docs.");
		merged.putArray("servers").addObject().put("url", "/");
		merged.putArray("security").addObject().putArray("ApiKey");
		ObjectNode paths = merged.putObject("paths");
		ObjectNode components = merged.putObject("components");
		ObjectNode schemas = components.putObject("schemas");
		schemas.set("Problem", problemSchema());
		ObjectNode security = components.putObject("securitySchemes");
		security.putObject("ApiKey")
			.put("type", "apiKey")
			.put("in", "header")
			.put("name", "X-API-Key")
			.put("description", "An API key of the account (Settings → API); Authorization: Bearer <key> works too.");
		security.putObject("AdminToken")
			.put("type", "http")
			.put("scheme", "bearer")
			.put("description", "The operator's admin token (CLAIMPORT_ADMIN_TOKEN): the admin API only.");
		add("gateway", null, gateway, paths, schemas, true);
		ArrayNode unavailable = this.json.createArrayNode();
		for (Service service : services) {
			if (service.document() == null) {
				unavailable.add(service.name());
			}
			else {
				add(service.name(), service.adminPrefix(), service.document(), paths, schemas, false);
			}
		}
		if (!unavailable.isEmpty()) {
			info.set("x-unavailable", unavailable);
		}
		return merged;
	}

	/**
	 * Adds one description's paths and schemas, renaming a schema that clashes.
	 * @param adminPrefix where the gateway publishes the service's {@code /ops/v1/} paths
	 */
	private void add(String name, String adminPrefix, JsonNode document, ObjectNode paths, ObjectNode schemas,
			boolean gateway) {
		Map<String, String> renames = new LinkedHashMap<>();
		JsonNode own = document.path("components").path("schemas");
		for (String schema : own.propertyNames()) {
			if (!"Problem".equals(schema) && schemas.has(schema) && !schemas.get(schema).equals(own.get(schema))) {
				renames.put(schema, capitalized(name) + schema);
			}
		}
		String text = document.toString();
		for (Map.Entry<String, String> rename : renames.entrySet()) {
			text = text.replace("\"" + REF + rename.getKey() + "\"", "\"" + REF + rename.getValue() + "\"");
		}
		JsonNode renamed = this.json.readTree(text);
		JsonNode theirs = renamed.path("components").path("schemas");
		if (gateway) {
			theirs.forEach(ApiContractMerger::optionalMayBeNull);
		}
		for (String schema : theirs.propertyNames()) {
			if (!"Problem".equals(schema)) {
				schemas.set(renames.getOrDefault(schema, schema), theirs.get(schema));
			}
		}
		for (String path : renamed.path("paths").propertyNames()) {
			String published = (adminPrefix != null && path.startsWith(OPS))
					? adminPrefix + path.substring(OPS.length()) : path;
			ObjectNode item = (ObjectNode) renamed.path("paths").get(path);
			item.propertyNames().forEach((method) -> {
				if (item.get(method) instanceof ObjectNode operation) {
					conventions(published, method, operation, gateway);
				}
			});
			paths.set(published, item);
		}
	}

	/**
	 * The security and the errors of an operation that the gateway answers itself; for
	 * the gateway's own operations, those of its checks too.
	 */
	private void conventions(String path, String method, ObjectNode operation, boolean gateway) {
		ObjectNode responses = (operation.get("responses") instanceof ObjectNode existing) ? existing
				: operation.putObject("responses");
		List<Integer> statuses = new ArrayList<>();
		if (path.equals(ContractPages.CONTRACT_PATH)) {
			operation.putArray("security");
			operation.putObject("responses")
				.putObject("200")
				.put("description", "This document: the OpenAPI 3.1 contract of the whole API")
				.putObject("content")
				.putObject("application/json")
				.putObject("schema")
				.put("type", "object");
			return;
		}
		if (path.startsWith("/admin/")) {
			operation.putArray("security").addObject().putArray("AdminToken");
			statuses.addAll(List.of(401, 403));
		}
		else {
			operation.putArray("security").addObject().putArray("ApiKey");
			statuses.addAll(List.of(401, 403, 429));
		}
		if (gateway) {
			statuses.add(400);
			if (path.contains("{")) {
				statuses.add(404);
			}
			if (method.equals("post") || method.equals("patch")) {
				statuses.addAll(List.of(409, 413, 415, 422));
			}
			if (method.equals("delete") || method.equals("patch")) {
				statuses.add(409);
			}
		}
		else {
			statuses.addAll(List.of(502, 503, 504));
		}
		for (int status : statuses.stream().distinct().sorted().toList()) {
			String code = String.valueOf(status);
			if (!responses.path(code).path("content").has("application/problem+json")) {
				ObjectNode response = responses.putObject(code);
				response.put("description", ProblemCatalog.describe(status));
				response.putObject("content")
					.putObject("application/problem+json")
					.putObject("schema")
					.put("$ref", REF + "Problem");
			}
		}
	}

	/**
	 * A property the gateway's schema does not require may be null, as the services'
	 * contracts say of theirs: an answer writes a field it has no value for as null.
	 */
	private static void optionalMayBeNull(JsonNode schema) {
		JsonNode required = schema.path("required");
		if (!(schema.path("properties") instanceof ObjectNode properties)) {
			return;
		}
		for (String name : properties.propertyNames()) {
			boolean isRequired = false;
			for (JsonNode entry : required) {
				isRequired |= entry.asString().equals(name);
			}
			JsonNode property = properties.get(name);
			if (isRequired || !(property instanceof ObjectNode object)) {
				continue;
			}
			if (object.has("$ref")) {
				ObjectNode either = properties.putObject(name);
				ArrayNode anyOf = either.putArray("anyOf");
				anyOf.addObject().put("$ref", object.get("$ref").asString());
				anyOf.addObject().put("type", "null");
			}
			else if (object.path("type").isString()) {
				String type = object.get("type").asString();
				object.putArray("type").add(type).add("null");
				if (object.get("enum") instanceof ArrayNode values) {
					values.addNull();
				}
			}
		}
	}

	private ObjectNode problemSchema() {
		return (ObjectNode) this.json.readTree("""
				{"type": "object",
				 "description": "RFC 9457 problem details; type resolves to a page explaining it (GET /problems).",
				 "required": ["type", "title", "status"],
				 "properties": {
				   "type": {"type": "string", "format": "uri"},
				   "title": {"type": "string"},
				   "status": {"type": "integer"},
				   "detail": {"type": "string"},
				   "instance": {"type": "string", "format": "uri-reference"},
				   "errors": {"type": "array", "items": {"type": "object", "properties": {
				     "field": {"type": "string"}, "rule": {"type": "string"}, "message": {"type": "string"},
				     "index": {"type": ["integer", "null"]}, "row": {"type": ["integer", "null"]}}}}}}
				""");
	}

	private static String capitalized(String name) {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private record Service(String name, URI uri, String adminPrefix, JsonNode document) {

		Service with(JsonNode description) {
			return new Service(this.name, this.uri, this.adminPrefix, description);
		}

	}

	private record Fetched(JsonNode document, Instant at) {

	}

}

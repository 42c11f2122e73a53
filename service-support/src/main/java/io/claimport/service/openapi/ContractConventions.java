package io.claimport.service.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.claimport.common.problem.ProblemCatalog;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.web.method.HandlerMethod;

/**
 * What every operation of the API shares, added to each service's OpenAPI description:
 * the API key, the problem+json answer of every error it can give (with the problem types
 * each status can carry, from {@link ProblemCatalog}), the deprecation of numbered pages,
 * and the values of a string field whose rule is a list of constants as an enum.
 */
public class ContractConventions implements OpenApiCustomizer, OperationCustomizer {

	/** The schema of every error answer. */
	public static final String PROBLEM = "Problem";

	/** The security scheme integrators use: the API key header. */
	public static final String API_KEY = "ApiKey";

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final Pattern CONSTANTS = Pattern.compile("\\^?\\(?([A-Z][A-Z0-9_]*(\\|[A-Z][A-Z0-9_]*)+)\\)?\\$?");

	/** The types the {@link CursorList} answers refer to, for the components. */
	private final Map<String, Class<?>> listTypes = new ConcurrentHashMap<>();

	private final String title;

	public ContractConventions(String title) {
		this.title = title;
	}

	/**
	 * A {@link CursorList} operation answers a connection or, without a cursor, a
	 * numbered page or its whole list.
	 */
	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		CursorList list = handler.getMethodAnnotation(CursorList.class);
		if (list == null) {
			return operation;
		}
		String node = NestedTypeNames.nameOf(list.value());
		this.listTypes.put(node, list.value());
		String otherwise;
		if (list.whole() != Void.class) {
			otherwise = NestedTypeNames.nameOf(list.whole());
			this.listTypes.put(otherwise, list.whole());
		}
		else {
			otherwise = node + "Page";
		}
		Schema<?> answer = new Schema<>().oneOf(List.of(ref(node + "Connection"), ref(otherwise)))
			.description("A connection when first/after or last/before is given, else " + (otherwise.endsWith("Page")
					? "a numbered page (deprecated: the answer carries Deprecation)" : "the whole list"));
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		responses.addApiResponse("200", new ApiResponse().description("OK")
			.content(new Content().addMediaType("application/json", new MediaType().schema(answer))));
		operation.setResponses(responses);
		return operation;
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

	/** The schemas of the list answers, and of the types they list. */
	private void addListSchemas(OpenAPI api) {
		Schema<?> pageInfo = new ObjectSchema().addProperty("startCursor", new StringSchema())
			.addProperty("endCursor", new StringSchema())
			.addProperty("hasNextPage", new BooleanSchema())
			.addProperty("hasPreviousPage", new BooleanSchema())
			.required(List.of("hasNextPage", "hasPreviousPage"));
		api.getComponents().addSchemas("PageInfo", pageInfo);
		ModelConverters converters = ModelConverters.getInstance(true);
		this.listTypes.forEach((name, type) -> {
			ResolvedSchema resolved = converters.readAllAsResolvedSchema(new AnnotatedType(type).resolveAsRef(false));
			if (resolved != null && resolved.schema != null) {
				resolved.referencedSchemas.forEach((referenced, schema) -> {
					if (api.getComponents().getSchemas() == null
							|| !api.getComponents().getSchemas().containsKey(referenced)) {
						api.getComponents().addSchemas(referenced, schema);
					}
				});
				if (!api.getComponents().getSchemas().containsKey(name)) {
					api.getComponents().addSchemas(name, resolved.schema);
				}
			}
			api.getComponents()
				.addSchemas(name + "Edge",
						new ObjectSchema().addProperty("cursor", new StringSchema())
							.addProperty("node", ref(name))
							.required(List.of("cursor", "node")));
			api.getComponents()
				.addSchemas(name + "Connection",
						new ObjectSchema().addProperty("edges", new ArraySchema().items(ref(name + "Edge")))
							.addProperty("pageInfo", ref("PageInfo"))
							.required(List.of("edges", "pageInfo")));
			api.getComponents()
				.addSchemas(name + "Page",
						new ObjectSchema().addProperty("data", new ArraySchema().items(ref(name)))
							.addProperty("page", new IntegerSchema())
							.addProperty("size", new IntegerSchema())
							.addProperty("totalElements", new IntegerSchema().format("int64"))
							.addProperty("totalPages", new IntegerSchema())
							.required(List.of("data", "page", "size", "totalElements", "totalPages")));
		});
	}

	@Override
	public void customise(OpenAPI api) {
		api.info(new Info().title(this.title)
			.version("v1")
			.description("Part of the ClaimPort API; the gateway serves the whole contract at /api/v1/openapi.json."));
		api.setServers(null);
		addListSchemas(api);
		api.getComponents()
			.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
				.in(SecurityScheme.In.HEADER)
				.name("X-API-Key")
				.description("An API key of the account (Settings → API); Authorization: Bearer <key> works too."));
		api.getComponents().addSchemas(PROBLEM, problemSchema());
		if (api.getComponents().getSchemas() != null) {
			api.getComponents().getSchemas().values().forEach(ContractConventions::constantsAsEnum);
			api.getComponents().getSchemas().values().forEach(ContractConventions::optionalMayBeNull);
		}
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			operation.addSecurityItem(new SecurityRequirement().addList(API_KEY));
			deprecateNumberedPages(operation);
			if (operation.getParameters() != null) {
				operation.getParameters().forEach((parameter) -> constantsAsEnum(parameter.getSchema()));
			}
			addProblems(path, method, operation);
		}));
	}

	private static Schema<?> problemSchema() {
		Schema<?> error = new ObjectSchema().description("One broken rule.")
			.addProperty("field", new StringSchema().description("The field, parameter or header, as a path"))
			.addProperty("rule", new StringSchema().description("The rule it breaks, such as notBlank or unknownField"))
			.addProperty("message", new StringSchema().description("The rule in words, naming the field"))
			.addProperty("index", new IntegerSchema().description("In a bulk request, the item's position from 0"))
			.addProperty("row", new IntegerSchema().description("In a CSV request, the row (the header is row 1)"));
		return new ObjectSchema().description("RFC 9457 problem details; type resolves to a page explaining it.")
			.addProperty("type", new StringSchema().format("uri").example("https://claimport.io/problems/validation"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty("errors", new ArraySchema().items(error))
			.required(List.of("type", "title", "status"));
	}

	/** Every error status an operation can answer, each with its problem types. */
	private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
		List<Integer> statuses = new ArrayList<>(List.of(400, 401, 403, 429, 503));
		if (path.contains("{")) {
			statuses.add(404);
		}
		if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PATCH
				|| method == PathItem.HttpMethod.PUT) {
			statuses.addAll(List.of(409, 413, 415, 422));
		}
		if (method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE) {
			statuses.add(409);
		}
		boolean conditional = operation.getParameters() != null && operation.getParameters()
			.stream()
			.anyMatch((parameter) -> "If-Match".equalsIgnoreCase(parameter.getName()));
		if (conditional) {
			statuses.add(412);
		}
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		for (int status : statuses.stream().distinct().sorted().toList()) {
			String code = String.valueOf(status);
			if (responses.containsKey(code) && responses.get(code).getContent() != null
					&& responses.get(code).getContent().containsKey(PROBLEM_JSON)) {
				continue;
			}
			responses.addApiResponse(code,
					new ApiResponse().description(ProblemCatalog.describe(status))
						.content(new Content().addMediaType(PROBLEM_JSON,
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
		}
		operation.setResponses(responses);
	}

	/** Numbered pages ({@code page}, {@code size}) of a list that pages by cursor. */
	private static void deprecateNumberedPages(Operation operation) {
		List<Parameter> parameters = operation.getParameters();
		if (parameters == null || parameters.stream().noneMatch((parameter) -> "first".equals(parameter.getName()))) {
			return;
		}
		parameters.stream()
			.filter((parameter) -> "page".equals(parameter.getName()) || "size".equals(parameter.getName()))
			.forEach((parameter) -> parameter.deprecated(true)
				.description("Numbered pages, as before cursors: deprecated (the answer carries Deprecation); "
						+ "use first/after or last/before"));
	}

	/**
	 * A property a schema does not require may also be null: an answer writes a field it
	 * has no value for as null, and a request may send null for a field it may leave out.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void optionalMayBeNull(Schema schema) {
		if (schema.getProperties() == null) {
			return;
		}
		List<String> required = (schema.getRequired() != null) ? schema.getRequired() : List.of();
		Map<String, Schema> properties = schema.getProperties();
		properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Schema nullable(Schema property) {
		if (property.get$ref() != null) {
			Schema either = new Schema<>();
			either.setAnyOf(new ArrayList<>(List.of(new Schema<>().$ref(property.get$ref()),
					new Schema<>().types(new LinkedHashSet<>(List.of("null"))))));
			return either;
		}
		Set<String> types = new LinkedHashSet<>();
		if (property.getTypes() != null) {
			types.addAll(property.getTypes());
		}
		if (property.getType() != null) {
			types.add(property.getType());
		}
		if (types.isEmpty() || types.contains("null")) {
			return property;
		}
		types.add("null");
		property.setTypes(types);
		if (property.getEnum() != null && !property.getEnum().contains(null)) {
			property.getEnum().add(null);
		}
		return property;
	}

	/**
	 * A string whose pattern is a list of constants ({@code PENDING|SHIPPED}) is an enum
	 * of them, in this schema and its properties.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void constantsAsEnum(Schema schema) {
		if (schema == null) {
			return;
		}
		if (schema.getPattern() != null) {
			var matcher = CONSTANTS.matcher(schema.getPattern());
			if (matcher.matches()) {
				schema.setEnum(new ArrayList<>(List.of(matcher.group(1).split("\\|"))));
			}
		}
		if (schema.getProperties() != null) {
			((Map<String, Schema>) schema.getProperties()).values().forEach(ContractConventions::constantsAsEnum);
		}
		if (schema.getItems() != null) {
			constantsAsEnum(schema.getItems());
		}
	}

}

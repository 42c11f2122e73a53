package io.claimport.gateway.docs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.claimport.gateway.web.WebJars;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's contract, for people and tools, without a key: the merged OpenAPI 3.1
 * document ({@link ApiContractMerger}) and Swagger UI over it at {@code /docs}, served
 * from the swagger-ui WebJar (no CDN) under a Content-Security-Policy that runs no inline
 * script. Its "Authorize" takes an API key, which stays in the page's memory.
 */
@RestController
class ContractPages {

	static final String CONTRACT_PATH = "/api/v1/openapi.json";

	/**
	 * Scripts and styles from the gateway only, no inline script; Swagger UI sets inline
	 * styles on its elements and draws some icons as data: images.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private final ApiContractMerger merger;

	private final String swaggerUi;

	private final JsonMapper json;

	ContractPages(ApiContractMerger merger, JsonMapper json) {
		this.merger = merger;
		this.json = json;
		this.swaggerUi = WebJars.root("org.webjars", "swagger-ui");
	}

	/** The merged contract, written here: a JSON tree is not a shape to describe. */
	@GetMapping(path = CONTRACT_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<String>> contract(ServerHttpRequest request) {
		return this.merger.merged(request)
			.map((merged) -> ResponseEntity.ok()
				.cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)))
				.body(this.json.writeValueAsString(merged)));
	}

	@GetMapping(path = { "/docs", "/docs/" }, produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> swaggerUi() {
		String page = """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>ClaimPort API</title>
				<link rel="stylesheet" href="%sswagger-ui.css">
				</head>
				<body>
				<div id="swagger-ui"></div>
				<script src="%sswagger-ui-bundle.js"></script>
				<script src="/docs/init.js"></script>
				</body>
				</html>
				""".formatted(this.swaggerUi, this.swaggerUi);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
			.body(page);
	}

}

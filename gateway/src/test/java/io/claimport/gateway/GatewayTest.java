package io.claimport.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceTestInitializer;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real gateway on a random port, with its own PostgreSQL database and the test Kafka,
 * routing every service to one stub backend that records what reached it and answers 200
 * ({@code ?fail=true}: 500). 127.0.0.2 is its trusted proxy; tests call from there with
 * {@link #viaProxy}. Every test class extending this shares one gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "claimport.gateway.admin-token=" + GatewayTest.ADMIN_TOKEN,
				"claimport.gateway.network.trusted-proxies=" + GatewayTest.TRUSTED_PROXY,
				"claimport.gateway.keys.rotation-grace=" + GatewayTest.ROTATION_GRACE,
				// all these tests call from 127.0.0.1; LockoutIT tests the lockout on its
				// own gateways
				"claimport.gateway.lockout.max-failures=1000",
				// every request traced, so its request-log entry names its trace
				"management.tracing.sampling.probability=1.0" })
@ContextConfiguration(initializers = ServiceTestInitializer.class)
abstract class GatewayTest {

	static final String ADMIN_TOKEN = "test-admin-token";

	static final String TRUSTED_PROXY = "127.0.0.2";

	static final String ROTATION_GRACE = "4s";

	static final ConcurrentLinkedQueue<Seen> backendSaw = new ConcurrentLinkedQueue<>();

	/**
	 * The stub backend's own API description: an operator path, a schema whose name the
	 * gateway's own KeyView has too.
	 */
	static final String STUB_CONTRACT = """
			{"openapi": "3.1.0", "info": {"title": "stub", "version": "v1"},
			 "paths": {
			   "/api/v1/things/{id}": {"get": {"responses": {"200": {"description": "OK", "content":
			     {"application/json": {"schema": {"$ref": "#/components/schemas/KeyView"}}}}}}},
			   "/ops/v1/things": {"get": {"responses": {"200": {"description": "OK"}}}}},
			 "components": {"schemas": {"KeyView": {"type": "object", "properties": {"thing": {"type": "string"}}}}}}
			""";

	static final HttpServer backend = startBackend();

	@Value("${local.server.port}")
	int port;

	@Value("${local.management.port}")
	int managementPort;

	ApiClient anonymous;

	/** The management port: actuator, for probes and scrapes from inside the network. */
	ApiClient management;

	@DynamicPropertySource
	static void routeToTheStubBackend(DynamicPropertyRegistry registry) {
		String url = "http://localhost:" + backend.getAddress().getPort();
		for (String service : List.of("CATALOG_URL", "ORDER_URL", "CLAIMS_URL", "ANALYTICS_URL", "AUDIT_URL")) {
			registry.add(service, () -> url);
		}
	}

	@BeforeEach
	void newClient() {
		this.anonymous = new ApiClient("http://localhost:" + this.port);
		this.management = new ApiClient("http://localhost:" + this.managementPort);
		backendSaw.clear();
	}

	JsonNode openAccount(String plan) {
		ApiClient.Response response = admin().post("/admin/v1/accounts", Map.of("name", "Acme", "plan", plan));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	/** The secret of a new account's first key, which has full access. */
	String newAccountKey(String plan) {
		return openAccount(plan).get("apiKey").get("key").asString();
	}

	ApiClient admin() {
		return this.anonymous.with("Authorization", "Bearer " + ADMIN_TOKEN);
	}

	ApiClient keyed(String secret) {
		return this.anonymous.with("X-API-Key", secret);
	}

	/** A GET sent from the trusted proxy's address, so its forwarding headers count. */
	ApiClient.Response viaProxy(String path, Map<String, String> headers) {
		return fromAddress(TRUSTED_PROXY, path, headers);
	}

	/** A GET over a connection from the given local address. */
	ApiClient.Response fromAddress(String localAddress, String path, Map<String, String> headers) {
		return ProxiedRequests.get(localAddress, this.port, path, headers);
	}

	record Seen(String method, String uri, Headers headers) {

	}

	private static HttpServer startBackend() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext("/v3/api-docs", (exchange) -> {
				byte[] body = STUB_CONTRACT.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.createContext("/", (exchange) -> {
				backendSaw.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
						exchange.getRequestHeaders()));
				try (InputStream in = exchange.getRequestBody()) {
					in.readAllBytes();
				}
				byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				String query = exchange.getRequestURI().getQuery();
				exchange.sendResponseHeaders((query != null && query.contains("fail=true")) ? 500 : 200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

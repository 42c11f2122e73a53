package io.claimport.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * routing every service to one stub backend that records what reached it. 127.0.0.2 is
 * its trusted proxy; tests call from there with {@link #viaProxy}. Every test class
 * extending this shares one gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "claimport.gateway.admin-token=" + GatewayTest.ADMIN_TOKEN,
				"claimport.gateway.network.trusted-proxies=" + GatewayTest.TRUSTED_PROXY,
				"claimport.gateway.keys.rotation-grace=" + GatewayTest.ROTATION_GRACE })
@ContextConfiguration(initializers = ServiceTestInitializer.class)
abstract class GatewayTest {

	static final String ADMIN_TOKEN = "test-admin-token";

	static final String TRUSTED_PROXY = "127.0.0.2";

	static final String ROTATION_GRACE = "4s";

	static final ConcurrentLinkedQueue<Seen> backendSaw = new ConcurrentLinkedQueue<>();

	static final HttpServer backend = startBackend();

	@Value("${local.server.port}")
	int port;

	ApiClient anonymous;

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

	/** A GET over a connection from the given local address, in plain HTTP/1.1. */
	ApiClient.Response fromAddress(String localAddress, String path, Map<String, String> headers) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(localAddress, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(30_000);
			StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			request.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ApiClient.Response parse(byte[] raw) throws IOException {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int headerEnd = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, headerEnd).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).trim(), (name) -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).trim());
		}
		String body = text.substring(headerEnd + 4);
		boolean chunked = headers.entrySet()
			.stream()
			.anyMatch((h) -> h.getKey().equalsIgnoreCase("Transfer-Encoding") && h.getValue().contains("chunked"));
		if (chunked) {
			body = unchunk(body);
		}
		String contentType = headers.entrySet()
			.stream()
			.filter((h) -> h.getKey().equalsIgnoreCase("Content-Type"))
			.map((h) -> h.getValue().get(0))
			.findFirst()
			.orElse("");
		return new ApiClient.Response(status, contentType,
				new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8), headers);
	}

	private static String unchunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
			if (size == 0) {
				return body.toString();
			}
			body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
	}

	record Seen(String method, String uri, Headers headers) {

	}

	private static HttpServer startBackend() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext("/", (exchange) -> {
				backendSaw.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
						exchange.getRequestHeaders()));
				try (InputStream in = exchange.getRequestBody()) {
					in.readAllBytes();
				}
				byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
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

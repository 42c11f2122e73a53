package io.claimport.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.claimport.testsupport.ApiClient;
import io.claimport.testsupport.ServiceTestInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client gets when the service behind a route is down, broken or slow: a problem
 * it can act on (503 with Retry-After, 502, 504), never Spring's default error body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "claimport.gateway.admin-token=" + GatewayTest.ADMIN_TOKEN,
				"spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s" })
@ContextConfiguration(initializers = ServiceTestInitializer.class)
class UpstreamFailuresIT {

	static final HttpServer stopped = serve(0);

	static final HttpServer slow = serve(3_000);

	static final ServerSocket broken = brokenBackend();

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("CATALOG_URL", () -> "http://localhost:" + stopped.getAddress().getPort());
		registry.add("ORDER_URL", () -> "http://localhost:" + slow.getAddress().getPort());
		registry.add("CLAIMS_URL", () -> "http://localhost:" + broken.getLocalPort());
	}

	@AfterAll
	static void stop() throws IOException {
		slow.stop(0);
		broken.close();
	}

	@Test
	void answersAStoppedService503WithRetryAfterAsProblemJsonAndLogsIt() {
		String key = key();
		assertThat(keyed(key).get("/api/v1/products").status()).isEqualTo(200);
		stopped.stop(0);

		ApiClient.Response down = keyed(key).post("/api/v1/products", "[]");

		assertThat(down.status()).isEqualTo(503);
		assertThat(down.contentType()).startsWith("application/problem+json");
		assertThat(down.header("Retry-After")).isEqualTo("5");
		assertThat(down.json().get("type").asString()).isEqualTo("https://claimport.io/problems/unavailable");
		assertThat(down.header("X-Request-Id")).isNotBlank();
	}

	@Test
	void answersAServiceThatBreaksOffItsAnswer502() {
		ApiClient.Response response = keyed(key()).get("/api/v1/claims");

		assertThat(response.status()).isEqualTo(502);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("https://claimport.io/problems/bad-gateway");
	}

	@Test
	void answersAServiceSlowerThanTheResponseTimeout504() {
		ApiClient.Response response = keyed(key()).get("/api/v1/orders");

		assertThat(response.status()).isEqualTo(504);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().has("type")).as(response.body()).isTrue();
		assertThat(response.json().get("type").asString()).isEqualTo("https://claimport.io/problems/gateway-timeout");
	}

	@Test
	void answersAPathNoRouteServes404AsProblemJson() {
		ApiClient.Response response = new ApiClient("http://localhost:" + this.port).get("/nothing/here");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	private String key() {
		ApiClient.Response response = new ApiClient("http://localhost:" + this.port)
			.with("Authorization", "Bearer " + GatewayTest.ADMIN_TOKEN)
			.post("/admin/v1/accounts", Map.of("name", "Acme", "plan", "ENTERPRISE"));
		JsonNode body = response.json();
		return body.get("apiKey").get("key").asString();
	}

	private ApiClient keyed(String key) {
		return new ApiClient("http://localhost:" + this.port).with("X-API-Key", key);
	}

	/** A backend that answers every request after {@code delayMillis}. */
	private static HttpServer serve(long delayMillis) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "slow-backend");
				thread.setDaemon(true);
				return thread;
			});
			server.createContext("/", (exchange) -> {
				try (InputStream in = exchange.getRequestBody()) {
					in.readAllBytes();
				}
				later.schedule(() -> {
					byte[] body = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);
					exchange.getResponseHeaders().set("Content-Type", "application/json");
					exchange.sendResponseHeaders(200, body.length);
					exchange.getResponseBody().write(body);
					exchange.close();
					return null;
				}, delayMillis, TimeUnit.MILLISECONDS);
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Accepts, reads the request and hangs up before answering. (A service that hangs up
	 * after its status line has been passed on can only be seen by the client as a cut
	 * body: the status has left the gateway.)
	 */
	private static ServerSocket brokenBackend() {
		try {
			ServerSocket server = new ServerSocket(0);
			Thread thread = new Thread(() -> {
				while (!server.isClosed()) {
					try (Socket socket = server.accept()) {
						socket.getInputStream().read(new byte[8192]);
					}
					catch (IOException ex) {
						// closed by the test, or the gateway went away first
					}
				}
			}, "broken-backend");
			thread.setDaemon(true);
			thread.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

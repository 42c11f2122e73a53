package io.claimport.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests that call the API the way an integrator would. */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** A client that sends this header with every request. */
	public ApiClient with(String name, String value) {
		ApiClient copy = new ApiClient(this.baseUrl);
		copy.headers.putAll(this.headers);
		copy.headers.put(name, value);
		return copy;
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET());
	}

	public Response post(String path, Object body) {
		String text = (body instanceof String string) ? string : JSON.writeValueAsString(body);
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(text)));
	}

	/** A body of another media type than JSON, such as a CSV file. */
	public Response post(String path, String contentType, String body) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Response patch(String path, Object body) {
		String text = (body instanceof String string) ? string : JSON.writeValueAsString(body);
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(text)));
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).DELETE());
	}

	private Response send(HttpRequest.Builder request) {
		this.headers.forEach(request::header);
		request.timeout(Duration.ofSeconds(30));
		try {
			HttpRequest sent = request.build();
			HttpResponse<String> response = this.http.send(sent, HttpResponse.BodyHandlers.ofString());
			Response answer = new Response(response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(""), response.body(),
					response.headers().map());
			ApiContract.forBase(this.baseUrl).ifPresent((contract) -> {
				List<String> disagreements = contract.disagreements(sent.method(), sent.uri().getRawPath(),
						answer.status(), answer.contentType(), answer.body());
				if (!disagreements.isEmpty()) {
					throw new AssertionError("The answer disagrees with the API contract:\n- "
							+ String.join("\n- ", disagreements) + "\nbody: " + answer.body());
				}
			});
			return answer;
		}
		catch (IOException ex) {
			throw new IllegalStateException("request failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, String contentType, String body, Map<String, java.util.List<String>> headers) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

}

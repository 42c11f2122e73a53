package io.claimport.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.claimport.testsupport.ApiClient;

/**
 * Plain HTTP/1.1 GETs over a connection from a chosen local address (any of 127.0.0.0/8
 * works on Linux), so that a test can call the gateway as a trusted proxy or as some
 * other peer; Java 17's HttpClient cannot choose its local address.
 */
final class ProxiedRequests {

	private ProxiedRequests() {
	}

	static ApiClient.Response get(String localAddress, int port, String path, Map<String, String> headers) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(localAddress, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
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

	private static ApiClient.Response parse(byte[] raw) {
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
		ApiClient.Response head = new ApiClient.Response(status, "", "", headers);
		if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
			body = unchunk(body);
		}
		String contentType = (head.header("Content-Type") != null) ? head.header("Content-Type") : "";
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

}

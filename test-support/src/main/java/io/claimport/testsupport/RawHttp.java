package io.claimport.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a request byte for byte as written, for what an HTTP client library refuses to
 * send: unknown methods, encoded slashes, bare CR, thousands of headers, invalid UTF-8.
 * Each request goes on a connection of its own, closed after the answer.
 */
public final class RawHttp {

	private final String host;

	private final int port;

	private final String localAddress;

	public RawHttp(String host, int port) {
		this(host, port, null);
	}

	private RawHttp(String host, int port, String localAddress) {
		this.host = host;
		this.port = port;
		this.localAddress = localAddress;
	}

	/**
	 * The same client, connecting from another local address (such as 127.0.0.7), so that
	 * what the server counts per client address (lockouts) is counted apart.
	 */
	public RawHttp from(String localAddress) {
		return new RawHttp(this.host, this.port, localAddress);
	}

	/**
	 * A request with the given request line, headers (each {@code Name: value}, CRLF
	 * added) and body; {@code Host}, {@code Connection: close} and, with a body,
	 * {@code Content-Length} are added.
	 */
	public Response send(String requestLine, byte[] body, String... headers) {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		write(request, requestLine + "\r\nHost: " + this.host + ":" + this.port + "\r\nConnection: close\r\n");
		for (String header : headers) {
			write(request, header + "\r\n");
		}
		if (body != null) {
			write(request, "Content-Length: " + body.length + "\r\n");
		}
		write(request, "\r\n");
		if (body != null) {
			request.writeBytes(body);
		}
		return exchange(request.toByteArray());
	}

	public Response send(String requestLine, String... headers) {
		return send(requestLine, null, headers);
	}

	/**
	 * Exactly these bytes, nothing added. They are written while the answer is read: a
	 * server may answer and hang up before it has read a large request.
	 */
	public Response exchange(byte[] request) {
		try (Socket socket = new Socket()) {
			if (this.localAddress != null) {
				socket.bind(new InetSocketAddress(this.localAddress, 0));
			}
			socket.connect(new InetSocketAddress(this.host, this.port), 5_000);
			socket.setSoTimeout(15_000);
			Thread writer = new Thread(() -> {
				try {
					OutputStream out = socket.getOutputStream();
					out.write(request);
					out.flush();
				}
				catch (IOException ex) {
					// the server answered and hung up before it took the whole request
				}
			}, "raw-http-writer");
			writer.setDaemon(true);
			writer.start();
			byte[] answer = readAll(socket.getInputStream());
			writer.join(15_000);
			return Response.parse(answer);
		}
		catch (IOException ex) {
			throw new IllegalStateException("raw request failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		byte[] chunk = new byte[8192];
		try {
			int read;
			while ((read = in.read(chunk)) != -1) {
				answer.write(chunk, 0, read);
			}
		}
		catch (SocketException | SocketTimeoutException ex) {
			// the server answered and then reset or held the connection: what came is the
			// answer
		}
		return answer.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	/**
	 * Status, headers (names in lower case) and body of an answer; status 0 if none came.
	 */
	public record Response(int status, Map<String, String> headers, String body) {

		static Response parse(byte[] raw) {
			String text = new String(raw, StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			if (!text.startsWith("HTTP/") || end < 0) {
				return new Response(0, Map.of(), text);
			}
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).trim());
				}
			}
			String body = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = unchunk(body);
			}
			return new Response(status, headers, body);
		}

		private static String unchunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (at < chunked.length()) {
				int lineEnd = chunked.indexOf("\r\n", at);
				if (lineEnd < 0) {
					break;
				}
				int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
				if (size == 0) {
					break;
				}
				int start = lineEnd + 2;
				// sizes count bytes; the bodies here are ASCII JSON
				body.append(chunked, start, Math.min(chunked.length(), start + size));
				at = start + size + 2;
			}
			return body.toString();
		}

		public String contentType() {
			return this.headers.getOrDefault("content-type", "");
		}

		public boolean isProblem() {
			return contentType().startsWith("application/problem+json")
					&& this.body.contains("\"status\":" + this.status);
		}

	}

}

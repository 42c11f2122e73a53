package io.claimport.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 connection to a local server, kept alive between requests as a pooling
 * client keeps it: for the tests of what a server does to its connections when it stops.
 */
public final class KeptAliveConnection implements AutoCloseable {

	private final Socket socket;

	private final BufferedReader in;

	private final OutputStream out;

	public KeptAliveConnection(int port) throws IOException {
		this.socket = new Socket("localhost", port);
		this.socket.setSoTimeout(5000);
		this.in = new BufferedReader(new InputStreamReader(this.socket.getInputStream(), StandardCharsets.ISO_8859_1));
		this.out = this.socket.getOutputStream();
	}

	/** Whether the server refuses a new connection. */
	public static boolean refused(int port) {
		try (Socket socket = new Socket("localhost", port)) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	/** Sends a GET of the path and reads its answer: the status line and headers. */
	public List<String> get(String path) throws IOException {
		send(path);
		return answer();
	}

	/** Sends a GET of the path without waiting for its answer. */
	public void send(String path) throws IOException {
		this.out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
		this.out.flush();
	}

	/** Reads an answer: its status line and headers returned, its body skipped. */
	public List<String> answer() throws IOException {
		List<String> head = new ArrayList<>();
		int length = 0;
		for (String line = this.in.readLine(); line != null && !line.isEmpty(); line = this.in.readLine()) {
			head.add(line);
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(15).trim());
			}
		}
		for (int i = 0; i < length; i++) {
			this.in.read();
		}
		return head;
	}

	/** Whether the server closed the connection: nothing more to read. */
	public boolean closedByServer() throws IOException {
		return this.in.read() == -1;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}

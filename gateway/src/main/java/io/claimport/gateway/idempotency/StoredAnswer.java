package io.claimport.gateway.idempotency;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.http.HttpHeaders;

/**
 * The first answer to a request with an {@code Idempotency-Key}, as it is replayed: its
 * status, the headers that belong to the answer (not those of each request, such as its
 * id or the rate limits left) and its body; or, for a {@code failure}, the status of an
 * answer the gateway made up for a request the service did not answer
 * ({@code ErrorAnswers} writes it again).
 */
record StoredAnswer(int status, List<Map.Entry<String, String>> headers, byte[] body, boolean failure) {

	/** The headers of an answer that a replay repeats. */
	static final Set<String> REPLAYED_HEADERS = caseInsensitive(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LANGUAGE,
			HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.LINK,
			HttpHeaders.CACHE_CONTROL, HttpHeaders.ALLOW, "Deprecation", "Sunset", "Content-Disposition");

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	static StoredAnswer of(int status, HttpHeaders headers, byte[] body) {
		List<Map.Entry<String, String>> kept = new ArrayList<>();
		headers.forEach((name, values) -> {
			if (REPLAYED_HEADERS.contains(name)) {
				values.forEach((value) -> kept.add(Map.entry(name, value)));
			}
		});
		return new StoredAnswer(status, List.copyOf(kept), body, false);
	}

	static StoredAnswer failure(int status) {
		return new StoredAnswer(status, List.of(), new byte[0], true);
	}

	/** The headers and body, encrypted and authenticated under the key's sealing key. */
	byte[] seal(SecretKey key) {
		ByteArrayOutputStream plain = new ByteArrayOutputStream(this.body.length + 256);
		try (DataOutputStream out = new DataOutputStream(plain)) {
			out.writeBoolean(this.failure);
			out.writeInt(this.headers.size());
			for (Map.Entry<String, String> header : this.headers) {
				out.writeUTF(header.getKey());
				out.writeUTF(header.getValue());
			}
			out.writeInt(this.body.length);
			out.write(this.body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain.toByteArray());
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not seal an answer", ex);
		}
	}

	static StoredAnswer open(int status, byte[] sealed, SecretKey key) {
		byte[] plain;
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored answer does not open with its key", ex);
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
			boolean failure = in.readBoolean();
			int count = in.readInt();
			List<Map.Entry<String, String>> headers = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				headers.add(Map.entry(in.readUTF(), in.readUTF()));
			}
			byte[] body = new byte[in.readInt()];
			in.readFully(body);
			return new StoredAnswer(status, List.copyOf(headers), body, failure);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> caseInsensitive(String... names) {
		Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		set.addAll(List.of(names));
		return set;
	}

}

package io.claimport.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * Secrets the launcher keeps under its data directory, each readable by the owner only.
 */
final class Secrets {

	private Secrets() {
	}

	/** The admin token, made on first start. */
	static String adminToken(Path file) {
		if (Files.exists(file)) {
			return read(file);
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		writeOwnerOnly(file, token);
		return token;
	}

	/** The gateway's identity signing key (a private EC JWK), made on first start. */
	static Path signingKey(Path file) {
		if (!Files.exists(file)) {
			try {
				writeOwnerOnly(file,
						new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
							.keyIDFromThumbprint(true)
							.generate()
							.toJSONString());
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("could not make a signing key", ex);
			}
		}
		return file;
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void writeOwnerOnly(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Files.deleteIfExists(file);
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

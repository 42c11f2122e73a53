package io.claimport.gateway.key;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeySecretTest {

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	@Test
	void keysCarryTheLivePrefixRandomBase62AndAChecksum() {
		String secret = ApiKeySecret.generate();

		assertThat(secret).hasSize(8 + 49 + 6).matches("cp_live_[0-9A-Za-z]{55}");
		assertThat(ApiKeySecret.isWellFormed(secret)).isTrue();
	}

	@Test
	void theChecksumIsTheBase62Crc32OfEverythingBeforeItSoScannersCanCheckItOffline() {
		String secret = ApiKeySecret.generate();
		CRC32 crc = new CRC32();
		crc.update(secret.substring(0, 57).getBytes(StandardCharsets.US_ASCII));

		long decoded = 0;
		for (char c : secret.substring(57).toCharArray()) {
			decoded = decoded * 62 + BASE62.indexOf(c);
		}

		assertThat(decoded).isEqualTo(crc.getValue());
	}

	@Test
	void keysDoNotRepeat() {
		Set<String> secrets = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			secrets.add(ApiKeySecret.generate());
		}
		assertThat(secrets).hasSize(10_000);
	}

	@Test
	void recognisesValuesThatCannotBeKeys() {
		String secret = ApiKeySecret.generate();
		char changed = (secret.charAt(20) == 'a') ? 'b' : 'a';
		char otherLast = (secret.charAt(62) == 'a') ? 'b' : 'a';

		assertThat(ApiKeySecret.isWellFormed(null)).isFalse();
		assertThat(ApiKeySecret.isWellFormed("cp_live_short")).isFalse();
		assertThat(ApiKeySecret.isWellFormed("cp_test_" + secret.substring(8))).isFalse();
		assertThat(ApiKeySecret.isWellFormed(secret.substring(0, 62) + "!")).isFalse();
		assertThat(ApiKeySecret.isWellFormed(secret.substring(0, 20) + changed + secret.substring(21)))
			.as("one character changed fails the checksum")
			.isFalse();
		assertThat(ApiKeySecret.isWellFormed(secret.substring(0, 62) + otherLast)).as("a checksum that does not match")
			.isFalse();
	}

	@Test
	void listsShowOnlyThePrefixAndTheLastFourCharacters() {
		String secret = ApiKeySecret.generate();

		assertThat(ApiKeySecret.displayPrefix(secret)).isEqualTo(secret.substring(0, 12));
		assertThat(ApiKeySecret.lastFour(secret)).isEqualTo(secret.substring(59));
	}

}

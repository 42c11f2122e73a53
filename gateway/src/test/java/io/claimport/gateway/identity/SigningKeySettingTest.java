package io.claimport.gateway.identity;

import java.nio.file.Files;
import java.nio.file.Path;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeySettingTest {

	@Test
	void takesTheKeyItselfFromTheEnvironmentAsContainersGiveSecrets() throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();

		ECKey read = IdentityConfiguration.signingKey("  " + key.toJSONString() + "\n");

		assertThat(read.isPrivate()).isTrue();
		assertThat(read.getKeyID()).isEqualTo(key.getKeyID());
		assertThat(read.toECPrivateKey()).isEqualTo(key.toECPrivateKey());
	}

	@Test
	void takesTheKeyFromAFileLocation(@TempDir Path directory) throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
		Path file = Files.writeString(directory.resolve("signing-key.json"), key.toJSONString());

		assertThat(IdentityConfiguration.signingKey(file.toUri().toString()).getKeyID()).isEqualTo(key.getKeyID());
	}

	@Test
	void aBrokenInlineKeyIsRefusedWithoutRepeatingIt() {
		String broken = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"d\":\"c2VjcmV0LXBhcnQ\"";

		assertThatIllegalStateException().isThrownBy(() -> IdentityConfiguration.signingKey(broken))
			.withMessageContaining("GATEWAY_SIGNING_KEY")
			.withMessageNotContaining("c2VjcmV0LXBhcnQ");
	}

}

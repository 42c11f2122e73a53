package io.claimport.gateway.key;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import io.claimport.common.id.PublicIds;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Component
public class ApiKeyIssuer {

	private final ApiKeyStore store;

	private final Clock clock;

	ApiKeyIssuer(ApiKeyStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public IssuedKey issue(String accountId, String name, Set<String> scopes, Instant expiresAt) {
		String secret = ApiKeySecret.generate();
		ApiKey key = new ApiKey(PublicIds.next(ApiKey.ID_PREFIX), accountId, name, ApiKeySecret.sha256(secret),
				ApiKeySecret.displayPrefix(secret), ApiKeySecret.lastFour(secret), scopes, this.clock.instant(),
				expiresAt, null);
		this.store.insert(key);
		return new IssuedKey(key, secret);
	}

}

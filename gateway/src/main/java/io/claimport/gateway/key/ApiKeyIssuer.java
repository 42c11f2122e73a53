package io.claimport.gateway.key;

import java.time.Clock;

import io.claimport.common.id.PublicIds;
import io.claimport.gateway.plan.Plan;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Makes a key: a fresh secret, of which only the hash is stored. */
@Component
public class ApiKeyIssuer {

	private final ApiKeyStore store;

	private final Clock clock;

	ApiKeyIssuer(ApiKeyStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public IssuedKey issue(String accountId, Plan plan, KeySpec spec) {
		String secret = ApiKeySecret.generate();
		ApiKey key = new ApiKey(PublicIds.next(ApiKey.ID_PREFIX), accountId, plan, spec.name(),
				ApiKeySecret.sha256(secret), ApiKeySecret.displayPrefix(secret), ApiKeySecret.lastFour(secret),
				spec.scopes(), spec.ipAllowlist(), this.clock.instant(), spec.expiresAt(), null, null);
		this.store.insert(key);
		return new IssuedKey(key, secret);
	}

}

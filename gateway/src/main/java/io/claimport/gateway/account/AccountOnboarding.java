package io.claimport.gateway.account;

import java.time.Clock;
import java.util.Set;

import io.claimport.common.id.PublicIds;
import io.claimport.common.identity.Scopes;
import io.claimport.gateway.key.ApiKeyIssuer;
import io.claimport.gateway.key.IssuedKey;
import io.claimport.gateway.key.KeySpec;
import io.claimport.gateway.network.IpAllowlist;
import io.claimport.gateway.plan.Plan;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens an account together with its first key, a full-access one: both exist, or
 * neither.
 */
@Service
class AccountOnboarding {

	private final AccountStore accounts;

	private final ApiKeyIssuer keys;

	private final Clock clock;

	AccountOnboarding(AccountStore accounts, ApiKeyIssuer keys, Clock clock) {
		this.accounts = accounts;
		this.keys = keys;
		this.clock = clock;
	}

	@Transactional
	Onboarded open(String name, Plan plan) {
		Account account = new Account(PublicIds.next(Account.ID_PREFIX), name, plan, this.clock.instant());
		this.accounts.insert(account);
		IssuedKey key = this.keys.issue(account.id(), plan,
				new KeySpec("Default key", Set.of(Scopes.FULL_ACCESS), IpAllowlist.ANY, null));
		return new Onboarded(account, key);
	}

	record Onboarded(Account account, IssuedKey key) {

	}

}

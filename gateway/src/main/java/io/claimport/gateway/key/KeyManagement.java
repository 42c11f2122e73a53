package io.claimport.gateway.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.claimport.common.page.Connection;
import io.claimport.common.page.CursorPage;
import io.claimport.common.problem.ProblemTypes;
import io.claimport.gateway.GatewayProperties;
import io.claimport.gateway.plan.Plan;
import io.claimport.gateway.plan.PlanLimits;
import io.claimport.gateway.plan.Plans;
import io.claimport.gateway.web.ConflictException;
import io.claimport.gateway.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's keys: create within the plan's limit, change, rotate with a grace period,
 * revoke. Every change reaches every replica's key cache through {@link KeyChangeFeed}. A
 * key of another account is not found, never forbidden.
 */
@Service
public class KeyManagement {

	private final ApiKeyStore store;

	private final ApiKeyIssuer issuer;

	private final KeyChangeFeed changes;

	private final Plans plans;

	private final Duration rotationGrace;

	private final Clock clock;

	KeyManagement(ApiKeyStore store, ApiKeyIssuer issuer, KeyChangeFeed changes, Plans plans,
			GatewayProperties properties, Clock clock) {
		this.store = store;
		this.issuer = issuer;
		this.changes = changes;
		this.plans = plans;
		this.rotationGrace = properties.keys().rotationGrace();
		this.clock = clock;
	}

	@Transactional
	public IssuedKey create(String accountId, KeySpec spec) {
		Plan plan = this.store.lockAccount(accountId).orElseThrow(() -> accountNotFound(accountId));
		PlanLimits limits = this.plans.of(plan);
		Instant now = this.clock.instant();
		long active = this.store.unrevoked(accountId).stream().filter((key) -> key.isActiveAt(now)).count();
		if (active >= limits.maxKeys()) {
			throw new ConflictException(
					ProblemTypes.KEY_LIMIT, "Key limit reached", "The " + plan + " plan allows " + limits.maxKeys()
							+ " active key(s) and this account has " + active + ". Revoke a key or upgrade the plan.",
					Map.of("plan", plan, "limit", limits.maxKeys()));
		}
		IssuedKey issued = this.issuer.issue(accountId, plan, spec);
		this.changes.changed(accountId, issued.key().id());
		return issued;
	}

	@Transactional(readOnly = true)
	public List<ApiKey> list(String accountId) {
		if (this.store.planOf(accountId).isEmpty()) {
			throw accountNotFound(accountId);
		}
		return this.store.unrevoked(accountId);
	}

	/** A page of the account's unrevoked keys beyond a cursor, oldest first. */
	@Transactional(readOnly = true)
	public Connection<ApiKey> list(String accountId, CursorPage page) {
		if (this.store.planOf(accountId).isEmpty()) {
			throw accountNotFound(accountId);
		}
		return this.store.unrevoked(accountId, page);
	}

	@Transactional(readOnly = true)
	public ApiKey get(String accountId, String keyId) {
		return find(accountId, keyId);
	}

	@Transactional
	public ApiKey change(String accountId, String keyId, KeyRequests.KeyChange request) {
		ApiKey key = find(accountId, keyId);
		if (key.isRevoked()) {
			throw new ConflictException("Key " + keyId + " is revoked and can no longer be changed.");
		}
		KeySpec changed = KeyRequests.changed(key, request);
		this.store.update(keyId, changed.name(), changed.scopes(), changed.ipAllowlist());
		this.changes.changed(accountId, keyId);
		return find(accountId, keyId);
	}

	/**
	 * A new secret with the old key's name, scopes, allow-list and expiry. The old key
	 * works on for the grace period, but never past its own expiry.
	 */
	@Transactional
	public IssuedKey rotate(String accountId, String keyId) {
		Plan plan = this.store.lockAccount(accountId).orElseThrow(() -> accountNotFound(accountId));
		ApiKey old = find(accountId, keyId);
		Instant now = this.clock.instant();
		if (!old.isActiveAt(now)) {
			throw new ConflictException(
					"Key " + keyId + " is " + KeyView.statusOf(old, now) + "; only an active key can be rotated.");
		}
		IssuedKey successor = this.issuer.issue(accountId, plan,
				new KeySpec(old.name(), old.scopes(), old.ipAllowlist(), old.expiresAt()));
		Instant graceEnds = now.plus(this.rotationGrace);
		Instant oldExpiresAt = (old.expiresAt() != null && old.expiresAt().isBefore(graceEnds)) ? old.expiresAt()
				: graceEnds;
		this.store.replace(keyId, successor.key().id(), oldExpiresAt);
		this.changes.changed(accountId, keyId);
		this.changes.changed(accountId, successor.key().id());
		return successor;
	}

	/** Revoking a revoked key changes nothing and is not an error. */
	@Transactional
	public void revoke(String accountId, String keyId) {
		ApiKey key = find(accountId, keyId);
		if (!key.isRevoked()) {
			this.store.revoke(keyId, this.clock.instant());
			this.changes.changed(accountId, keyId);
		}
	}

	private ApiKey find(String accountId, String keyId) {
		return this.store.find(accountId, keyId)
			.orElseThrow(() -> new NotFoundException("There is no key " + keyId + " in this account."));
	}

	private static NotFoundException accountNotFound(String accountId) {
		return new NotFoundException("There is no account " + accountId + ".");
	}

}

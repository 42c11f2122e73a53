package io.claimport.gateway.key;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import io.claimport.gateway.web.HotPathCaches;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Finds the key a presented secret belongs to. The lookup goes by the secret's SHA-256,
 * so the database compares hashes the caller cannot steer, and the hash found is compared
 * again in constant time. Answers are cached, unknown secrets included, so a request
 * costs no database round trip once its key has been seen; {@link KeyChangeFeed} drops a
 * key from the cache within a second of any replica changing it.
 */
@Component
public class ApiKeyDirectory {

	/** How long a cached key may live if a change to it never reached this replica. */
	private static final Duration KNOWN_KEY_TTL = Duration.ofMinutes(5);

	private final AsyncLoadingCache<String, Optional<ApiKey>> keysByHash;

	private final Counter databaseLookups;

	ApiKeyDirectory(ApiKeyStore store, MeterRegistry meters) {
		this.databaseLookups = Counter.builder("claimport.gateway.key.database.lookups")
			.description("API key lookups that missed the cache and went to the database")
			.register(meters);
		this.keysByHash = HotPathCaches.newBuilder()
			.maximumSize(100_000)
			.expireAfterWrite(KNOWN_KEY_TTL)
			.buildAsync(HotPathCaches.blockingLoader((hashHex) -> {
				this.databaseLookups.increment();
				return store.findBySecretHash(HexFormat.of().parseHex(hashHex));
			}));
	}

	public Mono<Optional<ApiKey>> find(String secret) {
		byte[] hash = ApiKeySecret.sha256(secret);
		CompletableFuture<Optional<ApiKey>> lookup = this.keysByHash.get(HexFormat.of().formatHex(hash));
		if (lookup.isDone() && !lookup.isCompletedExceptionally()) {
			return Mono.just(matching(lookup.join(), hash));
		}
		return Mono.fromFuture(lookup).map((found) -> matching(found, hash));
	}

	private static Optional<ApiKey> matching(Optional<ApiKey> found, byte[] hash) {
		return found.filter((key) -> MessageDigest.isEqual(key.secretHash(), hash));
	}

	/**
	 * Drops a key, or every key of an account when keyId is null. Lookups still in flight
	 * go too: they may have read the row before the change.
	 */
	void forget(String accountId, String keyId) {
		this.keysByHash.asMap().entrySet().removeIf((entry) -> isAffected(entry, accountId, keyId));
	}

	private static boolean isAffected(Map.Entry<String, CompletableFuture<Optional<ApiKey>>> entry, String accountId,
			String keyId) {
		CompletableFuture<Optional<ApiKey>> lookup = entry.getValue();
		if (!lookup.isDone()) {
			return true;
		}
		Optional<ApiKey> found = lookup.getNow(Optional.empty());
		return found.isPresent() && found.get().accountId().equals(accountId)
				&& (keyId == null || found.get().id().equals(keyId));
	}

}

package io.claimport.gateway.ratelimit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.claimport.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Before a gateway in shared mode takes traffic, it asks the shared store once on each of
 * its database connections, in transactions it rolls back. A replica that had just
 * started answered its first requests slowly enough (new connections, the function
 * planned for the first time in each session, code not yet compiled) that they ran out of
 * the store's timeout and were decided by this replica alone, so a key could pass a few
 * requests more than its limit right after a scale-out ({@code bench/README.md}, "Compose
 * smoke"). Runners finish before the readiness probe answers UP.
 */
@Component
class SharedStoreWarmUp implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SharedStoreWarmUp.class);

	private static final int ROUNDS = 3;

	private final GatewayProperties properties;

	private final SharedRateLimitStore store;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int connections;

	SharedStoreWarmUp(GatewayProperties properties, SharedRateLimitStore store, TransactionTemplate transactions,
			Clock clock, @Value("${spring.datasource.hikari.maximum-pool-size:10}") int connections) {
		this.properties = properties;
		this.store = store;
		this.transactions = transactions;
		this.clock = clock;
		this.connections = connections;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.shared().enabled()) {
			return;
		}
		long started = System.nanoTime();
		ExecutorService threads = Executors.newFixedThreadPool(this.connections);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				List<CompletableFuture<Void>> calls = new ArrayList<>();
				for (int i = 0; i < this.connections; i++) {
					calls.add(CompletableFuture.runAsync(this::askOnceAndForget, threads));
				}
				CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
			}
		}
		catch (RuntimeException ex) {
			// the store is away: requests will find that out for themselves
			log.warn("Could not warm up the shared rate-limit store: {}", ex.getMessage());
			return;
		}
		finally {
			threads.shutdownNow();
		}
		log.info("Shared rate-limit store warmed up on {} connections in {} ms", this.connections,
				(System.nanoTime() - started) / 1_000_000);
	}

	private void askOnceAndForget() {
		this.transactions.executeWithoutResult((transaction) -> {
			transaction.setRollbackOnly();
			this.store.acquire("warm-up", 1, 1, this.clock.instant());
		});
	}

}

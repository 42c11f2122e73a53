package io.claimport.gateway.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.scheduler.Schedulers;

/**
 * Caches that requests read on an event loop. Caffeine replays reads into its eviction
 * policy in batches, on its executor; handing a batch to another thread wakes that thread
 * every few reads, which cost an event loop more (3 to 4 µs per request on the benchmark)
 * than the housekeeping itself. So the reading thread does it: the housekeeping only ever
 * tries its lock, never waits for it. Loads that block, such as database reads, still run
 * on Reactor's bounded elastic scheduler, never on an event loop.
 */
public final class HotPathCaches {

	private static final Executor BLOCKING = (task) -> Schedulers.boundedElastic().schedule(task);

	private HotPathCaches() {
	}

	public static Caffeine<Object, Object> newBuilder() {
		return Caffeine.newBuilder().executor(Runnable::run);
	}

	/** A loader that runs a blocking load off the event loops. */
	public static <K, V> AsyncCacheLoader<K, V> blockingLoader(Function<K, V> load) {
		return (key, executor) -> CompletableFuture.supplyAsync(() -> load.apply(key), BLOCKING);
	}

}

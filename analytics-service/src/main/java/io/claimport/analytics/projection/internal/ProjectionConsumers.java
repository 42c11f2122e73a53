package io.claimport.analytics.projection.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.claimport.analytics.projection.ProjectionSchema;
import io.claimport.common.event.Topics;
import io.claimport.service.messaging.ReceivedEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumers that feed the projection: the live one, in the consumer group the
 * database names, and while a rebuild runs on this replica, the rebuild's, in a group of
 * its own from the first offset of the domain topics into the rebuild schema. Every few
 * hundred milliseconds this replica compares the rebuild's lag with the live one's; once
 * it is no more behind, the rebuilt copy replaces the live one
 * ({@link ProjectionState#swap}) and its consumer feeds the live projection from there
 * on. Every replica follows the live group the database names, so that the others switch
 * to the rebuild's group too.
 */
@Component
public class ProjectionConsumers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ProjectionConsumers.class);

	private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

	private static final Duration PAUSE_TIMEOUT = Duration.ofSeconds(30);

	private final ConcurrentKafkaListenerContainerFactory<String, String> factory;

	private final ProjectionWriter writer;

	private final ProjectionState state;

	private final KafkaAdmin kafkaAdmin;

	private final JsonMapper json;

	private final String owner = ManagementFactory.getRuntimeMXBean().getName();

	private final int consumers;

	private final Tracer tracer;

	private final Object lock = new Object();

	private ScheduledExecutorService watcher;

	private Feed live;

	private Feed rebuild;

	private Admin admin;

	private long rebuildId;

	private volatile boolean running;

	@SuppressWarnings("unchecked")
	ProjectionConsumers(ConcurrentKafkaListenerContainerFactory<?, ?> factory, ProjectionWriter writer,
			ProjectionState state, KafkaAdmin kafkaAdmin, JsonMapper json,
			@Value("${claimport.analytics.consumers:3}") int consumers, ObjectProvider<Tracer> tracer) {
		this.factory = (ConcurrentKafkaListenerContainerFactory<String, String>) factory;
		this.writer = writer;
		this.state = state;
		this.kafkaAdmin = kafkaAdmin;
		this.json = json;
		this.consumers = consumers;
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
	}

	@Override
	public void start() {
		synchronized (this.lock) {
			this.live = feed(this.state.liveGroup(), ProjectionSchema.LIVE, false);
			this.watcher = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "projection-watcher");
				thread.setDaemon(true);
				return thread;
			});
			this.watcher.scheduleWithFixedDelay(this::watch, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
					TimeUnit.MILLISECONDS);
			this.running = true;
		}
	}

	@Override
	public void stop() {
		synchronized (this.lock) {
			this.running = false;
			this.watcher.shutdownNow();
			if (this.rebuild != null) {
				this.rebuild.container.stop();
				this.rebuild = null;
			}
			this.live.container.stop();
			if (this.admin != null) {
				this.admin.close(Duration.ofSeconds(5));
				// a paused test context starts again: a fresh client then
				this.admin = null;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Starts a rebuild on this replica.
	 * @return the rebuild; empty when one runs already (here or on another replica)
	 */
	public Optional<RebuildStatus> rebuild() {
		synchronized (this.lock) {
			if (this.rebuild != null) {
				return Optional.empty();
			}
			Optional<RebuildStatus> started = this.state.begin(this.owner);
			started.ifPresent((status) -> {
				this.rebuildId = status.id();
				this.rebuild = feed(status.consumerGroup(), ProjectionSchema.REBUILD, true);
				logger.info("Rebuilding the analytics projection from the first offset in consumer group {}",
						status.consumerGroup());
			});
			return started;
		}
	}

	/** The latest rebuild, with its lag while it runs on this replica. */
	public Optional<RebuildStatus> latest() {
		Optional<RebuildStatus> latest = this.state.latest();
		synchronized (this.lock) {
			if (latest.isPresent() && this.rebuild != null && latest.get().id() == this.rebuildId) {
				RebuildStatus status = latest.get();
				return Optional.of(new RebuildStatus(status.id(), status.status(), status.consumerGroup(),
						status.requestedAt(), status.finishedAt(), this.rebuild.applied.get(),
						lag(this.rebuild.group).orElse(null), status.failure()));
			}
		}
		return latest;
	}

	private void watch() {
		try {
			synchronized (this.lock) {
				if (!this.running) {
					return;
				}
				if (this.rebuild != null) {
					watchRebuild();
				}
				followLiveGroup();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Watching the analytics projection's consumers failed; trying again", ex);
		}
	}

	private void watchRebuild() {
		Feed feed = this.rebuild;
		if (feed.failure.get() != null) {
			feed.container.stop();
			this.rebuild = null;
			this.state.fail(this.rebuildId, feed.applied.get(), feed.failure.get());
			logger.error("The rebuild of the analytics projection failed: {}", feed.failure.get());
			return;
		}
		this.state.heartbeat(this.rebuildId, feed.applied.get());
		Optional<Long> behind = lag(feed.group);
		Optional<Long> liveBehind = lag(this.live.group);
		if (behind.isEmpty() || liveBehind.isEmpty() || behind.get() > liveBehind.get()) {
			return;
		}
		feed.container.pause();
		long deadline = System.nanoTime() + PAUSE_TIMEOUT.toNanos();
		while (!feed.container.isContainerPaused() && System.nanoTime() < deadline) {
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
		}
		this.state.swap(this.rebuildId, feed.applied.get());
		this.state.dropRetired();
		feed.target.set(ProjectionSchema.LIVE);
		Feed retired = this.live;
		this.live = feed;
		this.rebuild = null;
		feed.container.resume();
		retired.container.stop();
		logger.info("The rebuilt analytics projection replaced the live one: {} events replayed; consumer group {}",
				feed.applied.get(), feed.group);
	}

	/** Switches to the live group another replica's rebuild made live. */
	private void followLiveGroup() {
		String group = this.state.liveGroup();
		if (!group.equals(this.live.group)) {
			Feed retired = this.live;
			this.live = feed(group, ProjectionSchema.LIVE, false);
			retired.container.stop();
			logger.info("The analytics projection is fed by consumer group {} now", group);
		}
	}

	/**
	 * How many records of the domain topics the group has yet to read; empty when Kafka
	 * does not say.
	 */
	private Optional<Long> lag(String group) {
		try {
			if (this.admin == null) {
				this.admin = Admin.create(this.kafkaAdmin.getConfigurationProperties());
			}
			Admin admin = this.admin;
			Map<String, TopicDescription> topics = admin.describeTopics(Topics.DOMAIN)
				.allTopicNames()
				.get(10, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			topics.values()
				.forEach((topic) -> topic.partitions()
					.forEach((partition) -> latest.put(new TopicPartition(topic.name(), partition.partition()),
							OffsetSpec.latest())));
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest)
				.all()
				.get(10, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			long lag = 0;
			for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
				OffsetAndMetadata read = committed.get(end.getKey());
				lag += end.getValue().offset() - ((read != null) ? read.offset() : 0);
			}
			return Optional.of(lag);
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Kafka did not say how far consumer group {} has read", group, ex);
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private Feed feed(String group, ProjectionSchema schema, boolean rebuilding) {
		ConcurrentMessageListenerContainer<String, String> container = this.factory
			.createContainer(Topics.DOMAIN.toArray(String[]::new));
		container.getContainerProperties().setGroupId(group);
		container.setConcurrency(this.consumers);
		container.setBeanName("projection-" + group);
		Feed feed = new Feed(group, container, new AtomicReference<>(schema), new AtomicLong(),
				new AtomicReference<>());
		container.setupMessageListener((BatchMessageListener<String, String>) (records) -> apply(records, feed));
		if (rebuilding) {
			container.setCommonErrorHandler(rebuildErrors(feed));
		}
		container.start();
		return feed;
	}

	/**
	 * Applies a poll's records in one transaction. If that fails, one at a time, so that
	 * those before the one that fails are applied and the error handler knows which it is
	 * (it retries it, and in the end sets it aside or fails the rebuild); an unreadable
	 * record is such a one.
	 */
	private void apply(List<ConsumerRecord<String, String>> records, Feed feed) {
		List<ReceivedEvent> events = new ArrayList<>(records.size());
		List<Integer> indexes = new ArrayList<>(records.size());
		int unreadable = -1;
		RuntimeException unread = null;
		for (int i = 0; i < records.size() && unread == null; i++) {
			try {
				Optional<ReceivedEvent> event = ReceivedEvent.read(records.get(i), this.json);
				if (event.isPresent()) {
					events.add(event.get());
					indexes.add(i);
				}
			}
			catch (RuntimeException ex) {
				unreadable = i;
				unread = ex;
			}
		}
		List<Span> spans = ConsumerSpans.started(this.tracer, records);
		try {
			try {
				feed.applied.addAndGet(this.writer.applyAll(events, feed.target.get()));
			}
			catch (RuntimeException ex) {
				for (int i = 0; i < events.size(); i++) {
					try {
						feed.applied.addAndGet(this.writer.applyAll(List.of(events.get(i)), feed.target.get()));
					}
					catch (RuntimeException failed) {
						throw new BatchListenerFailedException(failed.getMessage(), failed, indexes.get(i));
					}
				}
			}
			if (unread != null) {
				throw new BatchListenerFailedException(unread.getMessage(), unread, unreadable);
			}
		}
		catch (RuntimeException ex) {
			spans.forEach((span) -> span.error(ex));
			throw ex;
		}
		finally {
			spans.forEach(Span::end);
		}
	}

	/**
	 * A rebuild skips what can never be read (the live consumer set it aside on the
	 * dead-letter topic already) and fails rather than skip an event it could not apply.
	 */
	private static DefaultErrorHandler rebuildErrors(Feed feed) {
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2);
		backOff.setMaxElapsedTime(Duration.ofMinutes(1).toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
			if (exception.getCause() instanceof IllegalArgumentException
					|| exception instanceof IllegalArgumentException) {
				logger.warn("The rebuild skips unreadable record {}-{}@{}", record.topic(), record.partition(),
						record.offset());
				return;
			}
			feed.failure.compareAndSet(null, "event at " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " could not be applied: " + exception.getMessage());
			feed.container.pause();
		}, backOff);
		handler.addNotRetryableExceptions(IllegalArgumentException.class);
		return handler;
	}

	private record Feed(String group, ConcurrentMessageListenerContainer<String, String> container,
			AtomicReference<ProjectionSchema> target, AtomicLong applied, AtomicReference<String> failure) {

	}

}

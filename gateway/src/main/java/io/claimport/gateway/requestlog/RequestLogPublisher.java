package io.claimport.gateway.requestlog;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.claimport.common.event.EventEnvelope;
import io.claimport.common.event.EventTypes;
import io.claimport.common.event.RequestLogged;
import io.claimport.gateway.GatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Sends request-log entries to Kafka from a thread of its own, so no request ever waits
 * for Kafka. Entries wait in a bounded buffer; while Kafka is unreachable, the buffer
 * holds what it can and sends it once Kafka is back. What does not fit is dropped and
 * counted in {@code claimport.gateway.request_log.dropped}. Adding an entry takes no lock
 * and wakes no thread: the sender looks for entries every {@value #POLL_MILLIS} ms.
 */
@Component
class RequestLogPublisher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RequestLogPublisher.class);

	private static final String SOURCE = "gateway";

	private static final int BATCH = 500;

	private static final long POLL_MILLIS = 50;

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final Clock clock;

	private final Deque<Pending> buffer = new ConcurrentLinkedDeque<>();

	/** The buffer's size, kept apart: a concurrent deque counts by walking itself. */
	private final AtomicInteger buffered = new AtomicInteger();

	private final int capacity;

	private final Counter dropped;

	/** A fresh latch per start: a stopped publisher can be started again. */
	private volatile CountDownLatch stopped = new CountDownLatch(1);

	private volatile Thread sender;

	RequestLogPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, Clock clock, GatewayProperties properties,
			MeterRegistry meters) {
		this.kafka = kafka;
		this.json = json;
		this.clock = clock;
		this.capacity = properties.requestLog().bufferCapacity();
		this.dropped = Counter.builder("claimport.gateway.request_log.dropped")
			.description("Request-log entries dropped because the buffer was full while Kafka was unreachable")
			.register(meters);
		Gauge.builder("claimport.gateway.request_log.buffered", this.buffered, AtomicInteger::get)
			.description("Request-log entries waiting to be sent to Kafka")
			.register(meters);
	}

	/** Never blocks: an entry that does not fit in the buffer is dropped and counted. */
	void publish(RequestLogged entry) {
		if (reserve()) {
			this.buffer.offerLast(new Pending(entry, this.clock.instant()));
		}
	}

	/** Makes room for one entry, or counts it dropped. */
	private boolean reserve() {
		if (this.buffered.incrementAndGet() > this.capacity) {
			this.buffered.decrementAndGet();
			this.dropped.increment();
			return false;
		}
		return true;
	}

	@Override
	public void start() {
		this.stopped = new CountDownLatch(1);
		Thread thread = new Thread(this::sendUntilStopped, "request-log-publisher");
		thread.setDaemon(true);
		this.sender = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.stopped.countDown();
		Thread thread = this.sender;
		if (thread != null) {
			try {
				thread.join(SEND_TIMEOUT.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.sender = null;
	}

	@Override
	public boolean isRunning() {
		return this.sender != null;
	}

	private void sendUntilStopped() {
		Duration backoff = Duration.ofMillis(100);
		while (this.stopped.getCount() > 0 || !this.buffer.isEmpty()) {
			List<Pending> batch = nextBatch();
			if (batch.size() < BATCH) {
				awaitStop(Duration.ofMillis(POLL_MILLIS));
			}
			if (batch.isEmpty()) {
				continue;
			}
			List<Pending> unsent = send(batch);
			if (unsent.isEmpty()) {
				backoff = Duration.ofMillis(100);
				continue;
			}
			for (int i = unsent.size() - 1; i >= 0; i--) {
				if (reserve()) {
					this.buffer.offerFirst(unsent.get(i));
				}
			}
			if (this.stopped.getCount() == 0) {
				log.warn("Stopping with {} request-log entries unsent", this.buffered.get());
				return;
			}
			awaitStop(backoff);
			backoff = (backoff.compareTo(MAX_BACKOFF) < 0) ? backoff.multipliedBy(2) : MAX_BACKOFF;
		}
	}

	private List<Pending> nextBatch() {
		List<Pending> batch = new ArrayList<>(BATCH);
		Pending next;
		while (batch.size() < BATCH && (next = this.buffer.pollFirst()) != null) {
			batch.add(next);
		}
		this.buffered.addAndGet(-batch.size());
		return batch;
	}

	/** Sends a batch and answers the entries Kafka did not acknowledge. */
	private List<Pending> send(List<Pending> batch) {
		List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(batch.size());
		List<Pending> unsent = new ArrayList<>();
		for (Pending pending : batch) {
			try {
				sends.add(this.kafka.send(pending.record(this.json)));
			}
			catch (RuntimeException ex) {
				sends.add(CompletableFuture.failedFuture(ex));
			}
		}
		for (int i = 0; i < batch.size(); i++) {
			try {
				sends.get(i).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				unsent.add(batch.get(i));
			}
			catch (Exception ex) {
				unsent.add(batch.get(i));
			}
		}
		if (!unsent.isEmpty()) {
			log.debug("Kafka did not take {} request-log entries; keeping them", unsent.size());
		}
		return unsent;
	}

	private void awaitStop(Duration timeout) {
		try {
			this.stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stopped.countDown();
		}
	}

	private record Pending(RequestLogged entry, Instant publishedAt) {

		ProducerRecord<String, String> record(JsonMapper json) {
			// the request id is the event id: an entry sent again is the same event to
			// consumers
			EventEnvelope envelope = new EventEnvelope(UUID.fromString(this.entry.requestId()),
					EventTypes.REQUEST_LOGGED.name(), EventTypes.REQUEST_LOGGED.schemaVersion(), this.publishedAt,
					SOURCE, this.entry.accountId(), EventTypes.REQUEST_LOGGED.aggregateType(), this.entry.requestId(),
					0);
			// one account's requests share a partition, so its log reads in order
			String key = (this.entry.accountId() != null) ? this.entry.accountId() : this.entry.requestId();
			ProducerRecord<String, String> record = new ProducerRecord<>(EventTypes.REQUEST_LOGGED.topic(), key,
					json.writeValueAsString(this.entry));
			envelope.toHeaders()
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			return record;
		}

	}

}

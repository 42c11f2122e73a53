package io.claimport.gateway.requestlog;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 * for Kafka. Entries wait in a bounded buffer; the sender takes up to {@value #BATCH} at
 * a time and sends them as a few records ({@link RequestLogRecords}), which it sends
 * again until Kafka takes them. Meanwhile new entries fill the buffer; what does not fit
 * is dropped and counted in {@code claimport.gateway.request_log.dropped}. Adding an
 * entry takes no lock and wakes no thread: the sender looks for entries every
 * {@value #POLL_MILLIS} ms. It waits for Kafka's acknowledgement of each batch before it
 * takes the next, and has the producer send at once rather than linger: so it sends up to
 * {@value #BATCH} entries per round trip to Kafka, well beyond what one replica answers
 * in that time.
 */
@Component
class RequestLogPublisher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RequestLogPublisher.class);

	private static final int BATCH = 5_000;

	private static final long POLL_MILLIS = 50;

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private final KafkaTemplate<String, String> kafka;

	private final RequestLogRecords records;

	private final Clock clock;

	private final Queue<RequestLogged> buffer = new ConcurrentLinkedQueue<>();

	/** The buffer's size, kept apart: a concurrent queue counts by walking itself. */
	private final AtomicInteger buffered = new AtomicInteger();

	private final int capacity;

	private final Counter dropped;

	/** A fresh latch per start: a stopped publisher can be started again. */
	private volatile CountDownLatch stopped = new CountDownLatch(1);

	private volatile Thread sender;

	RequestLogPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, Clock clock, GatewayProperties properties,
			MeterRegistry meters) {
		this.kafka = kafka;
		this.records = new RequestLogRecords(json);
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
		if (this.buffered.incrementAndGet() > this.capacity) {
			this.buffered.decrementAndGet();
			this.dropped.increment();
			return;
		}
		this.buffer.offer(entry);
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
		List<ProducerRecord<String, String>> unsent = List.of();
		while (this.stopped.getCount() > 0 || !this.buffer.isEmpty() || !unsent.isEmpty()) {
			if (unsent.isEmpty()) {
				if (this.buffered.get() < BATCH) {
					awaitStop(Duration.ofMillis(POLL_MILLIS));
				}
				List<RequestLogged> batch = nextBatch();
				if (batch.isEmpty()) {
					continue;
				}
				unsent = this.records.of(batch, this.clock.instant());
			}
			unsent = send(unsent);
			if (unsent.isEmpty()) {
				backoff = Duration.ofMillis(100);
				continue;
			}
			if (this.stopped.getCount() == 0) {
				log.warn("Stopping with request-log entries unsent: {} records, {} entries in the buffer",
						unsent.size(), this.buffered.get());
				return;
			}
			awaitStop(backoff);
			backoff = (backoff.compareTo(MAX_BACKOFF) < 0) ? backoff.multipliedBy(2) : MAX_BACKOFF;
		}
	}

	private List<RequestLogged> nextBatch() {
		List<RequestLogged> batch = new ArrayList<>(BATCH);
		RequestLogged next;
		while (batch.size() < BATCH && (next = this.buffer.poll()) != null) {
			batch.add(next);
		}
		this.buffered.addAndGet(-batch.size());
		return batch;
	}

	/** Sends the records and answers those Kafka did not acknowledge. */
	private List<ProducerRecord<String, String>> send(List<ProducerRecord<String, String>> records) {
		List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(records.size());
		for (ProducerRecord<String, String> record : records) {
			try {
				sends.add(this.kafka.send(record));
			}
			catch (RuntimeException ex) {
				sends.add(CompletableFuture.failedFuture(ex));
			}
		}
		try {
			this.kafka.flush();
		}
		catch (RuntimeException ex) {
			log.debug("Kafka did not take the request-log records at once", ex);
		}
		List<ProducerRecord<String, String>> unsent = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			try {
				sends.get(i).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				unsent.add(records.get(i));
			}
			catch (Exception ex) {
				unsent.add(records.get(i));
			}
		}
		if (!unsent.isEmpty()) {
			log.debug("Kafka did not take {} request-log records; sending them again", unsent.size());
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

}

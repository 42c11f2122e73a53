package io.claimport.gateway.requestlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.claimport.common.event.RequestLogged;
import io.claimport.gateway.GatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Carries request-log entries from the gateway's answers to Kafka through a journal on
 * local disk ({@link RequestLogJournal}), so that no request waits for Kafka and nothing
 * is lost while Kafka is away or when the gateway is killed.
 * <p>
 * Two threads. The journal writer takes what requests left in a memory buffer and appends
 * it to the journal: every {@value GatewayProperties#BUFFERED_WINDOW_MILLIS} ms in the
 * {@code buffered} mode (adding an entry takes no lock and wakes no thread), or at once,
 * synced, in the {@code strict} mode, where each request waits for its entry's sync and
 * every request that arrived meanwhile shares the next one (grouped writes). The sender
 * reads the journal in order, sends up to {@value #BATCH} entries at a time as a few
 * records ({@link RequestLogRecords}), again until Kafka takes them, and then marks them
 * sent. While Kafka is unreachable the journal grows on disk, up to its size; beyond it,
 * and when the memory buffer is full, entries are dropped and counted in
 * {@code claimport.gateway.request_log.dropped}, and a warning says so. A gateway killed
 * with SIGKILL loses at most the buffered mode's last
 * {@value GatewayProperties#BUFFERED_WINDOW_MILLIS} ms of entries (none in the strict
 * mode); a machine that loses power loses what the operating system had not yet written
 * (none in the strict mode). Entries sent again after a crash keep their request ids, and
 * the audit service stores each request id once.
 */
@Component
class RequestLogPublisher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RequestLogPublisher.class);

	private static final int BATCH = 5_000;

	private static final long POLL_MILLIS = 50;

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	/** The journal's share full at which a warning says it is filling up. */
	private static final double NEARLY_FULL = 0.8;

	private final KafkaTemplate<String, String> kafka;

	private final RequestLogRecords records;

	private final JsonMapper json;

	private final Clock clock;

	private final GatewayProperties.Journal settings;

	private final boolean strict;

	private final Queue<Pending> buffer = new ConcurrentLinkedQueue<>();

	/** The buffer's size, kept apart: a concurrent queue counts by walking itself. */
	private final AtomicInteger buffered = new AtomicInteger();

	private final int capacity;

	private final Counter dropped;

	private final AtomicLong journalBytes = new AtomicLong();

	private volatile RequestLogJournal journal;

	/** A fresh latch per start: a stopped publisher can be started again. */
	private volatile CountDownLatch stopped = new CountDownLatch(1);

	private volatile Thread writer;

	private volatile Thread sender;

	private boolean warnedNearlyFull;

	/** Dropped entries not yet reported, and when the last report was (the writer's). */
	private long droppedUnreported;

	private long lastDropReport;

	/** An entry waiting for the journal, and who waits for it (strict mode only). */
	private record Pending(RequestLogged entry, CompletableFuture<Void> written) {

	}

	RequestLogPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, Clock clock, GatewayProperties properties,
			MeterRegistry meters) {
		this.kafka = kafka;
		this.json = json;
		this.records = new RequestLogRecords(json);
		this.clock = clock;
		this.settings = properties.requestLog().journal();
		this.strict = this.settings.durability() == GatewayProperties.Durability.STRICT;
		this.capacity = properties.requestLog().bufferCapacity();
		this.dropped = Counter.builder("claimport.gateway.request_log.dropped")
			.description("Request-log entries dropped: the memory buffer or the journal on disk was full")
			.register(meters);
		Gauge.builder("claimport.gateway.request_log.buffered", this.buffered, AtomicInteger::get)
			.description("Request-log entries waiting in memory to be written to the journal")
			.register(meters);
		Gauge.builder("claimport.gateway.request_log.journal", this.journalBytes, AtomicLong::get)
			.description("Bytes of request-log entries in the journal on disk, until sent segments are deleted")
			.baseUnit("bytes")
			.register(meters);
		Gauge.builder("claimport.gateway.request_log.journal.max", this.settings.maxSize(), DataSize::toBytes)
			.description("How many bytes the request-log journal may hold")
			.baseUnit("bytes")
			.register(meters);
	}

	/** Whether answers wait for their entries to be on disk. */
	boolean strict() {
		return this.strict;
	}

	/** Never blocks: an entry that does not fit in the buffer is dropped and counted. */
	void publish(RequestLogged entry) {
		enqueue(new Pending(entry, null));
	}

	/**
	 * The strict mode's publish: completes when the entry is synced to the journal (or
	 * was dropped, which is counted and logged: the answer cannot be undone).
	 */
	CompletableFuture<Void> publishDurably(RequestLogged entry) {
		CompletableFuture<Void> written = new CompletableFuture<>();
		if (enqueue(new Pending(entry, written))) {
			LockSupport.unpark(this.writer);
		}
		else {
			written.complete(null);
		}
		return written;
	}

	private boolean enqueue(Pending pending) {
		if (this.buffered.incrementAndGet() > this.capacity) {
			this.buffered.decrementAndGet();
			this.dropped.increment();
			return false;
		}
		this.buffer.offer(pending);
		return true;
	}

	@Override
	public void start() {
		String configured = this.settings.directory();
		Path directory = (configured != null && !configured.isBlank()) ? Path.of(configured.trim()) : null;
		try {
			if (directory == null) {
				directory = Files.createTempDirectory("claimport-request-log");
				log.info("Request-log journal in {} (temporary: set claimport.gateway.request-log.journal.directory "
						+ "to send what a killed gateway left after its restart)", directory);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long maxBytes = this.settings.maxSize().toBytes();
		this.journal = RequestLogJournal.open(directory, maxBytes,
				Math.max(64 * 1024, Math.min(16 << 20, maxBytes / 16)));
		this.journalBytes.set(this.journal.bytes());
		this.stopped = new CountDownLatch(1);
		Thread writing = new Thread(this::writeUntilStopped, "request-log-journal");
		writing.setDaemon(true);
		this.writer = writing;
		Thread sending = new Thread(() -> sendUntilStopped(writing), "request-log-publisher");
		sending.setDaemon(true);
		this.sender = sending;
		writing.start();
		sending.start();
	}

	/**
	 * Stopped after the web server has drained the requests in flight (graceful
	 * shutdown), so the entries of the last requests are kept too.
	 */
	@Override
	public int getPhase() {
		return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 4096;
	}

	@Override
	public void stop() {
		this.stopped.countDown();
		join(this.writer);
		join(this.sender);
		this.writer = null;
		this.sender = null;
		if (this.journal != null) {
			this.journal.close();
			this.journal = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.sender != null;
	}

	/**
	 * Waits for the thread to finish what it has; a sender still waiting on Kafka then is
	 * interrupted, so that nothing sends once the journal is closed (what it had not sent
	 * stays in the journal).
	 */
	private void join(Thread thread) {
		if (thread == null) {
			return;
		}
		LockSupport.unpark(thread);
		try {
			thread.join(SEND_TIMEOUT.toMillis());
			if (thread.isAlive()) {
				thread.interrupt();
				thread.join(SEND_TIMEOUT.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void writeUntilStopped() {
		while (this.stopped.getCount() > 0 || !this.buffer.isEmpty()) {
			if (this.buffer.isEmpty() && this.stopped.getCount() > 0) {
				// the strict mode wakes this thread for each entry; the buffered one lets
				// entries gather
				LockSupport.parkNanos(TimeUnit.MILLISECONDS
					.toNanos(this.strict ? POLL_MILLIS : GatewayProperties.BUFFERED_WINDOW_MILLIS));
				continue;
			}
			List<Pending> batch = new ArrayList<>();
			Pending next;
			while (batch.size() < BATCH && (next = this.buffer.poll()) != null) {
				batch.add(next);
			}
			this.buffered.addAndGet(-batch.size());
			write(batch);
		}
	}

	private void write(List<Pending> batch) {
		List<RequestLogJournal.Entry> entries = new ArrayList<>(batch.size());
		for (Pending pending : batch) {
			entries.add(new RequestLogJournal.Entry(pending.entry().accountId(),
					this.json.writeValueAsString(pending.entry())));
		}
		int written = 0;
		try {
			written = this.journal.append(entries);
			if (this.strict) {
				this.journal.force();
			}
		}
		catch (RuntimeException ex) {
			log.error("Could not write {} request-log entries to the journal in {}", batch.size() - written,
					this.journal.directory(), ex);
		}
		if (written < batch.size()) {
			this.dropped.increment(batch.size() - written);
			reportDropped(batch.size() - written);
		}
		watchFilling();
		if (this.strict) {
			// the answers go on elsewhere, not on this thread, which writes the next
			// group
			Schedulers.parallel().schedule(() -> batch.forEach((pending) -> {
				if (pending.written() != null) {
					pending.written().complete(null);
				}
			}));
		}
	}

	/**
	 * Says that entries were dropped: at once for the first, then at most once a minute
	 * with how many since, so that a long outage does not flood the log.
	 */
	private void reportDropped(int count) {
		this.droppedUnreported += count;
		long now = System.nanoTime();
		if (this.lastDropReport != 0 && now - this.lastDropReport < TimeUnit.MINUTES.toNanos(1)) {
			return;
		}
		log.error("Dropped {} request-log entries: the journal in {} holds {} of its {} bytes, waiting for Kafka",
				this.droppedUnreported, this.journal.directory(), this.journal.bytes(), this.journal.maxBytes());
		this.droppedUnreported = 0;
		this.lastDropReport = now;
	}

	private void watchFilling() {
		long bytes = this.journal.bytes();
		this.journalBytes.set(bytes);
		double full = bytes / (double) this.journal.maxBytes();
		if (full >= NEARLY_FULL && !this.warnedNearlyFull) {
			this.warnedNearlyFull = true;
			log.warn(
					"The request-log journal in {} is {}% full ({} of {} bytes): Kafka is not taking entries; "
							+ "when it is full, new entries are dropped",
					this.journal.directory(), Math.round(full * 100), bytes, this.journal.maxBytes());
		}
		else if (full < NEARLY_FULL / 2) {
			this.warnedNearlyFull = false;
		}
	}

	private void sendUntilStopped(Thread writing) {
		Duration backoff = Duration.ofMillis(100);
		List<ProducerRecord<String, String>> unsent = List.of();
		RequestLogJournal.Position end = null;
		while (this.stopped.getCount() > 0 || !unsent.isEmpty() || writing.isAlive()) {
			if (unsent.isEmpty()) {
				RequestLogJournal.Batch batch = this.journal.read(BATCH);
				if (batch.entries().isEmpty()) {
					if (this.stopped.getCount() == 0 && !writing.isAlive()) {
						return;
					}
					awaitStop(Duration.ofMillis(POLL_MILLIS));
					continue;
				}
				unsent = this.records.ofSerialized(batch.entries(), this.clock.instant());
				end = batch.end();
			}
			unsent = send(unsent);
			if (unsent.isEmpty()) {
				this.journal.acknowledge(end);
				this.journalBytes.set(this.journal.bytes());
				backoff = Duration.ofMillis(100);
				continue;
			}
			if (this.stopped.getCount() == 0) {
				log.warn("Stopping with request-log entries unsent; they wait in the journal in {}",
						this.journal.directory());
				return;
			}
			awaitStop(backoff);
			backoff = (backoff.compareTo(MAX_BACKOFF) < 0) ? backoff.multipliedBy(2) : MAX_BACKOFF;
		}
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

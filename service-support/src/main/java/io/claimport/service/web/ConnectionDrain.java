package io.claimport.service.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import jakarta.servlet.ServletException;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The first step of a service's shutdown, before its connector stops accepting: every
 * answer carries {@code Connection: close}, and the shutdown goes on only once no caller
 * can still hold a kept-alive connection it would reuse. Without it, a request the
 * gateway sends on a pooled connection in the instant the connector closes meets the
 * connection closing, unread, and the caller gets a 502 for a request that may or may not
 * have run.
 * <p>
 * A connection a caller may still reuse is one whose last answer went out without
 * {@code Connection: close} less than {@code callerIdleTime} ago (the gateway drops a
 * pooled connection idle longer than its {@code max-idle-time}, which must be shorter).
 * So the drain lasts until no answer begun before it is still running and the last of
 * them ended {@code callerIdleTime} ago: no wait at all for a service nobody called
 * lately, at most {@code callerIdleTime} plus the longest request in flight otherwise
 * (never more than {@code longest}, the shutdown phase's timeout).
 * <p>
 * Then, before the web server's own graceful shutdown, the drain closes the connector's
 * listening socket itself ({@link #closesListenerOf(Connector)}), so that a caller's new
 * connection is refused (the gateway answers a clean 503), and waits until every
 * connection accepted before that has had its request answered: nothing in flight and no
 * request arrived for {@link #SETTLE}. The web server's graceful shutdown only waits for
 * requests already inside a servlet, so without this a request on a connection accepted
 * in the instant it closes would be cut off (502).
 * <p>
 * Only requests through the connector count ({@link #valve()}, a Tomcat valve), not the
 * management port's probes, which callers do not pool.
 */
public class ConnectionDrain implements SmartLifecycle {

	/**
	 * How long after the listening socket closed, and after the last request arrived, no
	 * request may arrive before the drain ends: a connection accepted before the close
	 * sends its request at once.
	 */
	static final Duration SETTLE = Duration.ofMillis(250);

	private static final Duration STEP = Duration.ofMillis(50);

	private static final Logger log = LoggerFactory.getLogger(ConnectionDrain.class);

	private final Duration callerIdleTime;

	private final Duration longest;

	private final LongSupplier nanoTime;

	private final AtomicInteger keptAliveInFlight = new AtomicInteger();

	private final AtomicLong lastKeptAliveAnswer;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicLong lastArrival;

	private volatile Runnable closeListener = () -> {
	};

	private volatile boolean draining;

	private volatile boolean running;

	public ConnectionDrain(Duration callerIdleTime, Duration longest) {
		this(callerIdleTime, longest, System::nanoTime);
	}

	ConnectionDrain(Duration callerIdleTime, Duration longest, LongSupplier nanoTime) {
		this.callerIdleTime = callerIdleTime;
		this.longest = longest;
		this.nanoTime = nanoTime;
		this.lastKeptAliveAnswer = new AtomicLong(nanoTime.getAsLong() - callerIdleTime.toNanos());
		this.lastArrival = new AtomicLong(nanoTime.getAsLong() - SETTLE.toNanos());
	}

	/**
	 * The connector whose listening socket the drain closes once no caller can reuse a
	 * kept-alive connection.
	 */
	public void closesListenerOf(Connector connector) {
		this.closeListener = () -> connector.getProtocolHandler().closeServerSocketGraceful();
	}

	/**
	 * The valve that marks answers while the service drains and notes when the others
	 * ended.
	 */
	public Valve valve() {
		return new DrainValve();
	}

	/**
	 * Whether a request that arrives now is answered with {@code Connection: close}.
	 */
	boolean draining() {
		return this.draining;
	}

	/**
	 * How long the drain must still last, from now: zero once no caller can reuse a
	 * connection.
	 */
	Duration remaining() {
		if (this.keptAliveInFlight.get() > 0) {
			return this.callerIdleTime;
		}
		long idle = this.nanoTime.getAsLong() - this.lastKeptAliveAnswer.get();
		return Duration.ofNanos(Math.max(0, this.callerIdleTime.toNanos() - idle));
	}

	/**
	 * Whether, {@code since} the listening socket closed, every request of a connection
	 * accepted before has been answered: none in flight and none arrived for
	 * {@link #SETTLE}.
	 */
	boolean settled(long since) {
		long now = this.nanoTime.getAsLong();
		long settle = SETTLE.toNanos();
		return this.inFlight.get() == 0 && now - this.lastArrival.get() >= settle && now - since >= settle;
	}

	/**
	 * Marks a request arriving: {@code true} if its answer is to close the connection.
	 */
	boolean arriving() {
		// counted before looking, so that stop() either sees it or it sees the drain
		this.keptAliveInFlight.incrementAndGet();
		if (this.draining) {
			this.keptAliveInFlight.decrementAndGet();
			return true;
		}
		return false;
	}

	/**
	 * Marks the answer of a request that arrived before the drain as ended, with
	 * {@code closing} whether it could still be marked {@code Connection: close}.
	 */
	void answered(boolean closing) {
		if (!closing) {
			this.lastKeptAliveAnswer.accumulateAndGet(this.nanoTime.getAsLong(), Math::max);
		}
		this.keptAliveInFlight.decrementAndGet();
	}

	@Override
	public void start() {
		this.draining = false;
		this.running = true;
	}

	@Override
	public void stop() {
		this.draining = true;
		long began = this.nanoTime.getAsLong();
		Duration waited = Duration.ZERO;
		try {
			Duration remaining = remaining();
			while (!remaining.isZero() && waited.compareTo(this.longest) < 0) {
				waited = waited.plus(pause(remaining));
				remaining = remaining();
			}
			long closed = this.nanoTime.getAsLong();
			this.closeListener.run();
			while (!settled(closed) && waited.compareTo(this.longest) < 0) {
				waited = waited.plus(pause(SETTLE));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.running = false;
		}
		log.info("Drained connections for {} ms before stopping the connector",
				Duration.ofNanos(this.nanoTime.getAsLong() - began).toMillis());
	}

	private static Duration pause(Duration atMost) throws InterruptedException {
		Duration step = (atMost.compareTo(STEP) < 0) ? atMost : STEP;
		TimeUnit.NANOSECONDS.sleep(step.toNanos());
		return step;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Before anything else stops (the web server's graceful shutdown, the consumers, the
	 * outbox), so that everything still works while callers move away.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	private final class DrainValve extends ValveBase {

		DrainValve() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			inFlight.incrementAndGet();
			lastArrival.accumulateAndGet(nanoTime.getAsLong(), Math::max);
			try {
				answer(request, response);
			}
			finally {
				inFlight.decrementAndGet();
			}
		}

		private void answer(Request request, Response response) throws IOException, ServletException {
			if (arriving()) {
				response.setHeader("Connection", "close");
				getNext().invoke(request, response);
				return;
			}
			boolean closing = false;
			try {
				getNext().invoke(request, response);
			}
			finally {
				// an answer still unsent when the drain began can close its connection
				// too
				if (draining && !response.isCommitted()) {
					response.setHeader("Connection", "close");
					closing = true;
				}
				answered(closing);
			}
		}

	}

}

package io.claimport.common.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The first step of a web server's shutdown, before it stops accepting: every answer
 * carries {@code Connection: close}, and the shutdown goes on only once no caller can
 * still hold a kept-alive connection it would reuse. Without it, a request a caller sends
 * on a kept-alive connection in the instant the server closes it meets the connection
 * closing, unread, and the caller gets no answer (or, behind the gateway, a 502) for a
 * request that may or may not have run.
 * <p>
 * A connection a caller may still reuse is one whose last answer went out without
 * {@code Connection: close} less than {@code callerIdleTime} ago (the server, or the
 * caller, closes a connection idle longer than that). So the drain lasts until no answer
 * begun before it is still running and the last of them ended {@code callerIdleTime} ago:
 * no wait at all for a server nobody called lately, at most {@code callerIdleTime} plus
 * the longest request in flight otherwise (never more than {@code longest}, the shutdown
 * phase's timeout).
 * <p>
 * Then the drain closes the server's listening socket, so that a caller's new connection
 * is refused, and waits until every connection accepted before that has had its request
 * answered: nothing in flight and no request arrived for {@link #SETTLE}. A web server's
 * own graceful shutdown waits only for requests it has begun to handle, so without this a
 * request on a connection accepted in the instant it closes would be cut off.
 * <p>
 * The server's adapter ({@code TomcatConnectionDrain} of the services,
 * {@code NettyConnectionDrain} of the gateway) calls {@link #begin()} for each request
 * and {@link #drain(Runnable)} when its application stops.
 */
public final class ConnectionDrain {

	/**
	 * How long after the listening socket closed, and after the last request arrived, no
	 * request may arrive before the drain ends: a connection accepted before the close
	 * sends its request at once.
	 */
	public static final Duration SETTLE = Duration.ofMillis(250);

	private static final Duration STEP = Duration.ofMillis(50);

	private final Duration callerIdleTime;

	private final Duration longest;

	private final Duration settle;

	private final LongSupplier nanoTime;

	private final AtomicInteger keptAliveInFlight = new AtomicInteger();

	private final AtomicLong lastKeptAliveAnswer;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicLong lastArrival;

	private volatile boolean draining;

	public ConnectionDrain(Duration callerIdleTime, Duration longest) {
		this(callerIdleTime, longest, SETTLE);
	}

	/**
	 * A drain that settles after {@code settle} instead of {@link #SETTLE}: for a test
	 * whose connection sends its request a while after the listening socket closed.
	 */
	public ConnectionDrain(Duration callerIdleTime, Duration longest, Duration settle) {
		this(callerIdleTime, longest, settle, System::nanoTime);
	}

	ConnectionDrain(Duration callerIdleTime, Duration longest, Duration settle, LongSupplier nanoTime) {
		this.callerIdleTime = callerIdleTime;
		this.longest = longest;
		this.settle = settle;
		this.nanoTime = nanoTime;
		this.lastKeptAliveAnswer = new AtomicLong(nanoTime.getAsLong() - callerIdleTime.toNanos());
		this.lastArrival = new AtomicLong(nanoTime.getAsLong() - settle.toNanos());
	}

	/**
	 * A request arriving: its exchange says whether its answer is to close the connection
	 * and is {@linkplain Exchange#ended() ended} once the answer went out.
	 */
	public Exchange begin() {
		this.inFlight.incrementAndGet();
		this.lastArrival.accumulateAndGet(this.nanoTime.getAsLong(), Math::max);
		// counted before looking, so that drain() either sees it or it sees the drain
		this.keptAliveInFlight.incrementAndGet();
		if (this.draining) {
			this.keptAliveInFlight.decrementAndGet();
			return new Exchange(false);
		}
		return new Exchange(true);
	}

	/** Whether a request that arrives now is answered with {@code Connection: close}. */
	public boolean draining() {
		return this.draining;
	}

	/**
	 * Serves again (a restarted application context): answers keep their connections.
	 */
	public void serve() {
		this.draining = false;
	}

	/**
	 * Drains: answers close their connections from now; once no caller can reuse a
	 * kept-alive connection, {@code closeListener} closes the listening socket, and the
	 * drain ends when every request of a connection accepted before is answered, or after
	 * {@code longest}. Blocks until then.
	 * @return how long it took
	 */
	public Duration drain(Runnable closeListener) {
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
			closeListener.run();
			while (!settled(closed) && waited.compareTo(this.longest) < 0) {
				waited = waited.plus(pause(this.settle));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Duration.ofNanos(this.nanoTime.getAsLong() - began);
	}

	/**
	 * How long the drain must still last, from now, before the listener closes: zero once
	 * no caller can reuse a connection.
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
	 * accepted before has been answered: none in flight and none arrived for the settle
	 * time ({@link #SETTLE}).
	 */
	boolean settled(long since) {
		long now = this.nanoTime.getAsLong();
		long settle = this.settle.toNanos();
		return this.inFlight.get() == 0 && now - this.lastArrival.get() >= settle && now - since >= settle;
	}

	private static Duration pause(Duration atMost) throws InterruptedException {
		Duration step = (atMost.compareTo(STEP) < 0) ? atMost : STEP;
		TimeUnit.NANOSECONDS.sleep(step.toNanos());
		return step;
	}

	/** One request, from its arrival until its answer went out. */
	public final class Exchange {

		private final boolean keptAlive;

		private final AtomicBoolean ended = new AtomicBoolean();

		private volatile boolean closing;

		private Exchange(boolean keptAlive) {
			this.keptAlive = keptAlive;
			this.closing = !keptAlive;
		}

		/**
		 * Whether the answer, not sent yet, is to carry {@code Connection: close}: asked
		 * when it arrives and again just before it is sent, so that an answer still
		 * unsent when the drain began closes its connection too.
		 */
		public boolean closesConnection() {
			if (ConnectionDrain.this.draining) {
				this.closing = true;
			}
			return this.closing;
		}

		/**
		 * The answer went out (or the caller went away): called once, more is ignored.
		 */
		public void ended() {
			if (!this.ended.compareAndSet(false, true)) {
				return;
			}
			if (this.keptAlive) {
				if (!this.closing) {
					lastKeptAliveAnswer.accumulateAndGet(nanoTime.getAsLong(), Math::max);
				}
				keptAliveInFlight.decrementAndGet();
			}
			inFlight.decrementAndGet();
		}

	}

}

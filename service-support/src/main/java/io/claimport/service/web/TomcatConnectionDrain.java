package io.claimport.service.web;

import java.io.IOException;
import java.time.Duration;

import io.claimport.common.http.ConnectionDrain;
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
 * A service's {@link ConnectionDrain}, first of all to stop: its answers go through a
 * Tomcat valve ({@link #valve()}), so that only requests through the connector count, not
 * the management port's probes, which callers do not pool; it closes the connector's
 * listening socket ({@link #closesListenerOf(Connector)}) before the web server's own
 * graceful shutdown.
 */
public class TomcatConnectionDrain implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TomcatConnectionDrain.class);

	private final ConnectionDrain drain;

	private volatile Runnable closeListener = () -> {
	};

	private volatile boolean running;

	public TomcatConnectionDrain(ConnectionDrain drain) {
		this.drain = drain;
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

	/** Whether a request that arrives now is answered with {@code Connection: close}. */
	boolean draining() {
		return this.drain.draining();
	}

	@Override
	public void start() {
		this.drain.serve();
		this.running = true;
	}

	@Override
	public void stop() {
		try {
			Duration took = this.drain.drain(this.closeListener);
			log.info("Drained connections for {} ms before stopping the connector", took.toMillis());
		}
		finally {
			this.running = false;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Not when a test pauses its application context: as the web server, which keeps
	 * listening then, it drains only when the application stops.
	 */
	@Override
	public boolean isPauseable() {
		return false;
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
			ConnectionDrain.Exchange exchange = TomcatConnectionDrain.this.drain.begin();
			try {
				if (exchange.closesConnection()) {
					response.setHeader("Connection", "close");
				}
				getNext().invoke(request, response);
			}
			finally {
				if (!response.isCommitted() && exchange.closesConnection()) {
					response.setHeader("Connection", "close");
				}
				exchange.ended();
			}
		}

	}

}

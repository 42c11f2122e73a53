package io.claimport.common.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConnectionDrainTest {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final ConnectionDrain drain = new ConnectionDrain(Duration.ofSeconds(5), Duration.ofSeconds(30),
			ConnectionDrain.SETTLE, this.now::get);

	@Test
	void aServerNobodyCalledLatelyStopsWithoutWaiting() {
		assertThat(this.drain.remaining()).isZero();
	}

	@Test
	void theDrainLastsUntilTheLastKeptAliveAnswerIsOlderThanACallerKeepsAnIdleConnection() {
		ConnectionDrain.Exchange exchange = this.drain.begin();
		assertThat(exchange.closesConnection()).isFalse();
		exchange.ended();
		tick(Duration.ofSeconds(2));

		assertThat(this.drain.remaining()).isEqualTo(Duration.ofSeconds(3));
		tick(Duration.ofSeconds(3));
		assertThat(this.drain.remaining()).isZero();
	}

	@Test
	void anAnswerBegunBeforeTheDrainKeepsItGoingUntilItEndsAndItsConnectionCanNoLongerBeReused() {
		ConnectionDrain.Exchange exchange = this.drain.begin();
		AtomicBoolean listenerClosed = new AtomicBoolean();
		Thread stopping = new Thread(() -> this.drain.drain(() -> listenerClosed.set(true)));
		stopping.start();
		await().atMost(Duration.ofSeconds(5)).until(this.drain::draining);
		tick(Duration.ofSeconds(20));
		assertThat(this.drain.remaining()).as("while the answer runs").isEqualTo(Duration.ofSeconds(5));

		// sent just before the drain: it keeps its connection
		exchange.ended();
		assertThat(this.drain.remaining()).isEqualTo(Duration.ofSeconds(5));
		assertThat(listenerClosed).isFalse();
		tick(Duration.ofSeconds(5));
		assertThat(this.drain.remaining()).isZero();
		// then the listener closes and the drain settles
		await().atMost(Duration.ofSeconds(5)).untilTrue(listenerClosed);
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			tick(ConnectionDrain.SETTLE);
			return !stopping.isAlive();
		});
	}

	@Test
	void anAnswerStillUnsentWhenTheDrainBeginsClosesItsConnectionAndLeavesNothingToWaitFor() throws Exception {
		ConnectionDrain.Exchange exchange = this.drain.begin();
		assertThat(exchange.closesConnection()).as("on arrival").isFalse();
		Thread stopping = new Thread(() -> this.drain.drain(() -> {
		}));
		stopping.start();
		await().atMost(Duration.ofSeconds(5)).until(this.drain::draining);

		assertThat(exchange.closesConnection()).as("just before it is sent").isTrue();
		exchange.ended();
		assertThat(this.drain.remaining()).isZero();
		assertThat(this.drain.begin().closesConnection()).as("a request arriving while draining").isTrue();
		stopping.interrupt();
		stopping.join();
	}

	@Test
	void onceTheListenerClosedTheDrainEndsOnlyWhenNoRequestRanOrArrivedForTheSettleTime() {
		AtomicBoolean listenerClosed = new AtomicBoolean();
		Thread stopping = new Thread(() -> this.drain.drain(() -> listenerClosed.set(true)));
		stopping.start();
		await().atMost(Duration.ofSeconds(5)).untilTrue(listenerClosed);
		long closed = this.now.get();
		// a connection accepted before the close sends its request
		ConnectionDrain.Exchange late = this.drain.begin();
		tick(ConnectionDrain.SETTLE.multipliedBy(4));
		assertThat(this.drain.settled(closed)).as("while it runs").isFalse();

		late.ended();
		assertThat(this.drain.settled(closed)).isTrue();
		await().atMost(Duration.ofSeconds(5)).until(() -> !stopping.isAlive());
	}

	@Test
	void anExchangeEndedTwiceCountsOnce() {
		ConnectionDrain.Exchange exchange = this.drain.begin();
		ConnectionDrain.Exchange other = this.drain.begin();
		exchange.ended();
		exchange.ended();

		assertThat(this.drain.remaining()).as("the other still runs").isEqualTo(Duration.ofSeconds(5));
		other.ended();
		tick(Duration.ofSeconds(5));
		assertThat(this.drain.remaining()).isZero();
	}

	private void tick(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

}

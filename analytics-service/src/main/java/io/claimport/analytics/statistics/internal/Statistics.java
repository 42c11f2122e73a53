package io.claimport.analytics.statistics.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.claimport.analytics.statistics.domain.Increment;
import io.claimport.analytics.statistics.domain.StatisticsRules;
import io.claimport.analytics.statistics.domain.Subject;
import io.claimport.service.messaging.ProcessedEventLedger;
import io.claimport.service.messaging.ReceivedEvent;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The per-account statistics: kept up to date from events, read by the analytics API. */
@Service
public class Statistics {

	static final String CONSUMER = "analytics-statistics";

	private final CounterStore counters;

	private final ProcessedEventLedger ledger;

	Statistics(CounterStore counters, ProcessedEventLedger ledger) {
		this.counters = counters;
		this.ledger = ledger;
	}

	/** Counts an event once, however often it is delivered. */
	@Transactional
	public void apply(ReceivedEvent event) {
		if (event.envelope().accountId() == null) {
			throw new IllegalArgumentException("event " + event.envelope().eventId() + " names no account");
		}
		List<Increment> increments = StatisticsRules.incrementsFor(event.payload());
		if (increments.isEmpty() || !this.ledger.firstDelivery(CONSUMER, event.envelope())) {
			return;
		}
		increments.forEach((increment) -> this.counters.add(event.envelope().accountId(), increment));
	}

	@Transactional(readOnly = true)
	public Map<Subject, Tally> forAccount(String accountId) {
		Map<Subject, Tally> tallies = new EnumMap<>(Subject.class);
		for (Subject subject : Subject.values()) {
			tallies.put(subject, new Tally(0, new TreeMap<>()));
		}
		for (CounterStore.Counter counter : this.counters.forAccount(accountId)) {
			Tally tally = tallies.get(counter.subject());
			if (Increment.TOTAL.equals(counter.bucket())) {
				tallies.put(counter.subject(), new Tally(counter.count(), tally.breakdown()));
			}
			else if (counter.count() != 0) {
				// a claim that moved on leaves its former state's count at 0: not a state
				// it is in
				tally.breakdown()
					.put(counter.bucket().substring(counter.subject().breakdown().length() + 1), counter.count());
			}
		}
		return tallies;
	}

	/** A subject's total and its counts per breakdown value. */
	public record Tally(long total, Map<String, Long> breakdown) {

	}

}

package io.claimport.analytics.statistics.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import io.claimport.analytics.statistics.domain.Increment;
import io.claimport.analytics.statistics.domain.StatisticsRules;
import io.claimport.analytics.statistics.domain.Subject;
import io.claimport.analytics.projection.ProjectionSchema;
import io.claimport.service.messaging.ReceivedEvent;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The per-account statistics: kept up to date from events, read by the analytics API. */
@Service
public class Statistics {

	private final CounterStore counters;

	Statistics(CounterStore counters) {
		this.counters = counters;
	}

	/** Whether the event moves any counter. */
	public boolean counts(ReceivedEvent event) {
		return !StatisticsRules.incrementsFor(event.payload()).isEmpty();
	}

	/**
	 * Counts an event in one copy of the projection, in the transaction that records it
	 * as applied there.
	 */
	public void apply(ReceivedEvent event, ProjectionSchema schema) {
		StatisticsRules.incrementsFor(event.payload())
			.forEach((increment) -> this.counters.add(schema, event.envelope().accountId(), increment));
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

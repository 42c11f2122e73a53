package io.claimport.analytics.projection.internal;

import java.util.List;

import io.claimport.analytics.metric.internal.FactProjection;
import io.claimport.analytics.projection.ProjectionSchema;
import io.claimport.analytics.statistics.internal.Statistics;
import io.claimport.service.messaging.ProcessedEventLedger;
import io.claimport.service.messaging.ReceivedEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an event to one copy of the projection, once however often it is delivered: its
 * ledger, the statistics' counters and the metrics' facts change in one transaction.
 * Every such transaction holds the projection's lock shared, so that a rebuild's swap
 * (which holds it alone) never renames the schemas under one that is half written.
 */
@Service
public class ProjectionWriter {

	static final String CONSUMER = "analytics";

	/** The advisory lock of the projection's schemas ("projection" in ASCII). */
	static final long SCHEMA_LOCK = 0x70726f6a65637469L;

	private final JdbcClient jdbc;

	private final ProcessedEventLedger ledger;

	private final Statistics statistics;

	private final FactProjection facts;

	ProjectionWriter(JdbcClient jdbc, ProcessedEventLedger ledger, Statistics statistics, FactProjection facts) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.statistics = statistics;
		this.facts = facts;
	}

	/**
	 * Applies the events in order, in one transaction: one commit for a whole poll of
	 * records, which is what a consumer's throughput (and so a rebuild's) is made of.
	 * @return how many were applied: redeliveries and events projected into nothing are
	 * not
	 */
	@Transactional
	public int applyAll(List<ReceivedEvent> events, ProjectionSchema schema) {
		int applied = 0;
		boolean locked = false;
		FactProjection.Batch facts = this.facts.batch(schema);
		for (ReceivedEvent event : events) {
			if (event.envelope().accountId() == null) {
				throw new IllegalArgumentException("event " + event.envelope().eventId() + " names no account");
			}
			if (!this.statistics.counts(event) && !this.facts.projects(event)) {
				continue;
			}
			if (!locked) {
				this.jdbc.sql("SELECT pg_advisory_xact_lock_shared(:lock)")
					.param("lock", SCHEMA_LOCK)
					.query()
					.singleRow();
				locked = true;
			}
			if (this.ledger.firstDelivery(CONSUMER, event.envelope(), schema.table("processed_event"))) {
				this.statistics.apply(event, schema);
				this.facts.apply(event, facts);
				applied++;
			}
		}
		this.facts.finish(facts);
		return applied;
	}

}

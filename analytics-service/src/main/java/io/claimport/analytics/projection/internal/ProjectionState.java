package io.claimport.analytics.projection.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.claimport.analytics.projection.ProjectionSchema;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every replica agrees on about the projection, in the database: the consumer group
 * feeding the live copy, each rebuild, and the schemas themselves.
 */
@Repository
class ProjectionState {

	/** A running rebuild whose replica has not said so for this long has stopped. */
	static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

	private static final String RETIRED = "projection_retired";

	private final JdbcClient jdbc;

	private final Clock clock;

	ProjectionState(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String liveGroup() {
		return this.jdbc.sql("SELECT group_id FROM projection_live WHERE id = 1").query(String.class).single();
	}

	Optional<RebuildStatus> latest() {
		return this.jdbc.sql("SELECT * FROM projection_rebuilds ORDER BY id DESC LIMIT 1")
			.query((rs, row) -> new RebuildStatus(rs.getLong("id"),
					stale(rs.getString("status"), rs.getTimestamp("heartbeat_at").toInstant()),
					rs.getString("group_id"), rs.getTimestamp("requested_at").toInstant(),
					instant(rs.getTimestamp("finished_at")), rs.getLong("events_replayed"), null,
					rs.getString("failure")))
			.optional();
	}

	/**
	 * Starts a rebuild: an empty copy of every table of the live projection (its indexes
	 * and keys included) in the rebuild schema, and the rebuild's row.
	 * @return empty when another rebuild runs
	 */
	@Transactional
	Optional<RebuildStatus> begin(String owner) {
		this.jdbc.sql("LOCK TABLE projection_rebuilds IN EXCLUSIVE MODE").update();
		Optional<RebuildStatus> latest = latest();
		if (latest.isPresent() && RebuildStatus.RUNNING.equals(latest.get().status())) {
			return Optional.empty();
		}
		this.jdbc.sql("UPDATE projection_rebuilds SET status = 'ABANDONED' WHERE status = 'RUNNING'").update();
		this.jdbc.sql("DROP SCHEMA IF EXISTS " + ProjectionSchema.REBUILD.name() + " CASCADE").update();
		this.jdbc.sql("CREATE SCHEMA " + ProjectionSchema.REBUILD.name()).update();
		List<String> tables = this.jdbc
			.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = :schema ORDER BY table_name")
			.param("schema", ProjectionSchema.LIVE.name())
			.query(String.class)
			.list();
		for (String table : tables) {
			this.jdbc
				.sql("CREATE TABLE " + ProjectionSchema.REBUILD.table(table) + " (LIKE "
						+ ProjectionSchema.LIVE.table(table) + " INCLUDING ALL)")
				.update();
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		long id = this.jdbc.sql("""
				INSERT INTO projection_rebuilds (group_id, status, requested_at, heartbeat_at, owner)
				VALUES ('pending', 'RUNNING', :now, :now, :owner) RETURNING id
				""").param("now", now).param("owner", owner).query(Long.class).single();
		String group = "analytics-rebuild-" + id;
		this.jdbc.sql("UPDATE projection_rebuilds SET group_id = :group WHERE id = :id")
			.param("group", group)
			.param("id", id)
			.update();
		return latest();
	}

	void heartbeat(long id, long eventsReplayed) {
		this.jdbc.sql("""
				UPDATE projection_rebuilds SET heartbeat_at = :now, events_replayed = :events
				WHERE id = :id AND status = 'RUNNING'
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("events", eventsReplayed)
			.param("id", id)
			.update();
	}

	/**
	 * Puts the rebuilt copy in the live one's place and its consumer group in the live
	 * one's, in one transaction that waits for every projection transaction in flight and
	 * holds off new ones until it commits. The retired copy is dropped after.
	 */
	@Transactional
	void swap(long id, long eventsReplayed) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
			.param("lock", ProjectionWriter.SCHEMA_LOCK)
			.query()
			.singleRow();
		this.jdbc.sql("ALTER SCHEMA " + ProjectionSchema.LIVE.name() + " RENAME TO " + RETIRED).update();
		this.jdbc.sql("ALTER SCHEMA " + ProjectionSchema.REBUILD.name() + " RENAME TO " + ProjectionSchema.LIVE.name())
			.update();
		this.jdbc.sql("""
				UPDATE projection_live SET group_id = (SELECT group_id FROM projection_rebuilds WHERE id = :id),
				    since = :now WHERE id = 1
				""").param("id", id).param("now", Timestamp.from(this.clock.instant())).update();
		finish(id, RebuildStatus.DONE, eventsReplayed, null);
	}

	void dropRetired() {
		this.jdbc.sql("DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE").update();
	}

	@Transactional
	void fail(long id, long eventsReplayed, String failure) {
		finish(id, RebuildStatus.FAILED, eventsReplayed, failure);
		this.jdbc.sql("DROP SCHEMA IF EXISTS " + ProjectionSchema.REBUILD.name() + " CASCADE").update();
	}

	private void finish(long id, String status, long eventsReplayed, String failure) {
		this.jdbc.sql("""
				UPDATE projection_rebuilds SET status = :status, finished_at = :now, heartbeat_at = :now,
				    events_replayed = :events, failure = :failure
				WHERE id = :id
				""")
			.param("status", status)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("events", eventsReplayed)
			.param("failure", failure, java.sql.Types.VARCHAR)
			.param("id", id)
			.update();
	}

	private String stale(String status, Instant heartbeat) {
		boolean gone = RebuildStatus.RUNNING.equals(status)
				&& heartbeat.plus(HEARTBEAT_TIMEOUT).isBefore(this.clock.instant());
		return gone ? RebuildStatus.ABANDONED : status;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}

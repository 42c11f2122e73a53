-- The outbox is a queue: records come and (delete-completed-records) go all day. Autovacuum's
-- defaults wait for a fifth of the table to change; here it vacuums and analyzes after a few
-- hundred rows, so that the poll is always planned for the table as it is (OutboxStatistics
-- analyzes at once after a burst).
ALTER TABLE outbox_record SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 500);

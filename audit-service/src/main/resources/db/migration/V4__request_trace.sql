-- The gateway's span of a sampled request (W3C ids), to find its trace from the log.
ALTER TABLE request_log
    ADD COLUMN trace_id CHAR(32),
    ADD COLUMN span_id  CHAR(16);

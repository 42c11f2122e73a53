-- The retention sweep removes the oldest ledger entries first, through this index; the request
-- log's oldest go through request_log_time (received_at, request_id).
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);

-- Keyset paging: the request log by (received_at, request_id), usage by (day, key_id), either way.
DROP INDEX request_log_account_time;
DROP INDEX request_log_time;
CREATE INDEX request_log_account_time ON request_log (account_id, received_at, request_id);
CREATE INDEX request_log_time ON request_log (received_at, request_id);
CREATE INDEX key_usage_day_account_day ON key_usage_day (account_id, day, key_id);

-- Per-key daily usage has one owner, the gateway, which counts it (key_usage in the gateway's
-- database; docs/architecture.md, "Usage per key"). The audit service's second count, rolled up
-- from the request log, goes.
DROP TABLE key_usage_day;

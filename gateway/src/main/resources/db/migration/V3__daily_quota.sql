-- Requests each key was granted per UTC day, for the daily quota. Replicas add their counts
-- every second; a restarted gateway starts from here.
CREATE TABLE daily_quota_usage
(
    key_id VARCHAR(40) NOT NULL,
    day    DATE        NOT NULL,
    used   BIGINT      NOT NULL,
    PRIMARY KEY (key_id, day)
);

-- Each key's requests per UTC day, rolled up from the request log as it arrives.
CREATE TABLE key_usage_day
(
    account_id    VARCHAR(40)              NOT NULL,
    key_id        VARCHAR(40)              NOT NULL,
    day           DATE                     NOT NULL,
    requests      BIGINT                   NOT NULL,
    client_errors BIGINT                   NOT NULL,
    server_errors BIGINT                   NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_ip  VARCHAR(64),
    PRIMARY KEY (account_id, key_id, day)
);

-- Every request the gateway answered. account_id and key_id are null when the caller was not identified.
CREATE TABLE request_log
(
    request_id       VARCHAR(64)              NOT NULL PRIMARY KEY,
    account_id       VARCHAR(40),
    key_id           VARCHAR(40),
    method           VARCHAR(10)              NOT NULL,
    path             VARCHAR(2000)            NOT NULL,
    status           INTEGER                  NOT NULL,
    latency_ms       BIGINT                   NOT NULL,
    client_ip        VARCHAR(45),
    user_agent       VARCHAR(500),
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    rejection_reason VARCHAR(100)
);

CREATE INDEX request_log_account_time ON request_log (account_id, received_at DESC);
CREATE INDEX request_log_time ON request_log (received_at DESC);

-- Each key's use per UTC day, added up from every replica's counts every few seconds.
CREATE TABLE key_usage
(
    key_id        VARCHAR(40)              NOT NULL REFERENCES api_key (id),
    day           DATE                     NOT NULL,
    requests      BIGINT                   NOT NULL,
    client_errors BIGINT                   NOT NULL,
    server_errors BIGINT                   NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_ip  VARCHAR(64),
    PRIMARY KEY (key_id, day)
);

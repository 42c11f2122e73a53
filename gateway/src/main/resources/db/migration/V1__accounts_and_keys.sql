CREATE TABLE account
(
    id         VARCHAR(40)              NOT NULL PRIMARY KEY,
    name       VARCHAR(200)             NOT NULL,
    plan       VARCHAR(20)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Only the SHA-256 of a key's secret is stored, never the secret.
CREATE TABLE api_key
(
    id          VARCHAR(40)              NOT NULL PRIMARY KEY,
    account_id  VARCHAR(40)              NOT NULL REFERENCES account (id),
    name        VARCHAR(200)             NOT NULL,
    secret_hash BYTEA                    NOT NULL UNIQUE,
    prefix      VARCHAR(20)              NOT NULL,
    last_four   VARCHAR(4)               NOT NULL,
    scopes      VARCHAR(500)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE,
    revoked_at  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX api_key_account ON api_key (account_id);

-- The first answer to each write sent with an Idempotency-Key, replayed to the same request
-- with the same key for a day (IdempotencyCheck). Neither the key nor the answer is kept in
-- the clear: the row is found by a hash of the owner and the key, and the answer's headers
-- and body are sealed (AES-GCM) under a key derived from them, so the table alone reveals no
-- answer (the key API's answers hold secrets).
CREATE TABLE idempotency_key
(
    id           BYTEA PRIMARY KEY,
    -- SHA-256 of the method, the path with its query and the body
    fingerprint  BYTEA                    NOT NULL,
    -- null while the first request runs
    status       INTEGER,
    answer       BYTEA,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- a request still unanswered past this was abandoned (its gateway stopped)
    locked_until TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX idempotency_key_expiry ON idempotency_key (expires_at);

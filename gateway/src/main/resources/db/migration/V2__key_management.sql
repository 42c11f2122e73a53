-- CIDR ranges, space-separated; empty allows every address
ALTER TABLE api_key ADD COLUMN ip_allowlist VARCHAR(8000) NOT NULL DEFAULT '';
-- set on a rotated key: it works on until its (shortened) expiry, then only its successor does
ALTER TABLE api_key ADD COLUMN replaced_by VARCHAR(40) REFERENCES api_key (id);

-- Every change to a key or account that a cached key must not outlive. Each gateway replica
-- reads the recent rows a few times a second and drops those keys from its cache.
CREATE TABLE key_change
(
    id         BIGSERIAL                PRIMARY KEY,
    account_id VARCHAR(40)              NOT NULL,
    key_id     VARCHAR(40),
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

CREATE INDEX key_change_changed_at ON key_change (changed_at);

-- Shared brute-force protection (claimport.gateway.shared.enabled): failed authentications
-- per client address, and the addresses locked out because of them.
CREATE TABLE auth_failure
(
    address   VARCHAR(64)              NOT NULL,
    failed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX auth_failure_address ON auth_failure (address, failed_at);

CREATE TABLE address_lockout
(
    address      VARCHAR(64)              NOT NULL PRIMARY KEY,
    locked_until TIMESTAMP WITH TIME ZONE NOT NULL
);

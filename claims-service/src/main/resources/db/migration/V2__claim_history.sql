-- Every change of a claim's state, oldest first; the first is its filing (no from_state).
CREATE TABLE claim_change
(
    claim_id   VARCHAR(40)              NOT NULL REFERENCES claim (id),
    position   INTEGER                  NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    from_state VARCHAR(30),
    to_state   VARCHAR(30)              NOT NULL,
    reason     VARCHAR(1000),
    changed_by VARCHAR(40),
    PRIMARY KEY (claim_id, position)
);

-- claims filed before the history existed were all still NEW; who filed them is not known
INSERT INTO claim_change (claim_id, position, changed_at, from_state, to_state, reason, changed_by)
SELECT id, 0, created_at, NULL, 'NEW', NULL, NULL
FROM claim;

-- The durations' percentiles read the facts of their range (they cannot be added up from the
-- roll-ups): these indexes hold every column those queries read, so that they scan the index
-- alone instead of fetching each claim's row (docs/architecture.md, "Analytics metrics").
CREATE INDEX claim_fact_decided_times ON projection.claim_fact (account_id, first_decided_at)
    INCLUDE (filed_at, claim_type, issue_type, claim_category, sales_channel) WHERE first_decided_at IS NOT NULL;
CREATE INDEX claim_fact_resolved_times ON projection.claim_fact (account_id, resolved_at)
    INCLUDE (filed_at, claim_type, issue_type, claim_category, sales_channel) WHERE resolved_at IS NOT NULL;
DROP INDEX projection.claim_fact_decided;
DROP INDEX projection.claim_fact_resolved;

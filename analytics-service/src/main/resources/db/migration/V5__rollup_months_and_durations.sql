-- Each claim's buckets of the time to its first decision and to its resolution (DurationBuckets:
-- whole seconds since filing, one bucket per second up to 64 s, then each 1/64 as wide as where
-- it starts; the bucket's number is what width_bucket gives over their lower bounds, which the
-- recursive query below lists as DurationBuckets does). The durations' percentiles count claims
-- per bucket: from these columns for the parts of a range the roll-ups do not hold.
ALTER TABLE projection.claim_fact ADD COLUMN decision_bucket INTEGER, ADD COLUMN resolution_bucket INTEGER;
UPDATE projection.claim_fact c
SET decision_bucket = width_bucket(floor(date_part('epoch', c.first_decided_at - c.filed_at))::bigint, b.lower),
    resolution_bucket = width_bucket(floor(date_part('epoch', c.resolved_at - c.filed_at))::bigint, b.lower)
FROM (WITH RECURSIVE bound(lower) AS (
          SELECT 1::bigint
          UNION ALL
          SELECT lower + greatest(1, lower / 64) FROM bound WHERE lower + greatest(1, lower / 64) < 3162240000
      )
      SELECT array_agg(lower ORDER BY lower) AS lower FROM bound) b
WHERE c.first_decided_at IS NOT NULL OR c.resolved_at IS NOT NULL;
DROP INDEX projection.claim_fact_decided_times;
DROP INDEX projection.claim_fact_resolved_times;
CREATE INDEX claim_fact_decided_times ON projection.claim_fact (account_id, first_decided_at)
    INCLUDE (decision_bucket, claim_type, issue_type, claim_category, sales_channel) WHERE first_decided_at IS NOT NULL;
CREATE INDEX claim_fact_resolved_times ON projection.claim_fact (account_id, resolved_at)
    INCLUDE (resolution_bucket, claim_type, issue_type, claim_category, sales_channel) WHERE resolved_at IS NOT NULL;

-- Roll-ups per UTC month beside the quarter hours and days (Rollup.Grain.MONTH): a year's range
-- reads twelve rows per group instead of 365. Made from the daily rows, which hold the same.
INSERT INTO projection.metric_rollup (account_id, measure, dimension, grain, slot, value, detail, count, amount)
SELECT account_id, measure, dimension, 'mon', date_trunc('month', slot, 'UTC'), value, detail, sum(count), sum(amount)
FROM projection.metric_rollup
WHERE grain = 'day'
GROUP BY account_id, measure, dimension, date_trunc('month', slot, 'UTC'), value, detail;

-- The durations' histograms per UTC day and month (Rollup.Measure.DECISION_TIMES and
-- RESOLUTION_TIMES): decided claims at their first decision and resolved claims when first
-- resolved, in total and per breakdown, counted per bucket (the detail).
INSERT INTO projection.metric_rollup (account_id, measure, dimension, grain, slot, value, detail, count, amount)
SELECT c.account_id, m.measure, d.dimension, g.grain,
       CASE g.grain WHEN 'day' THEN date_bin('1 day', m.at, TIMESTAMPTZ '1970-01-01 00:00:00+00')
            ELSE date_trunc('month', m.at, 'UTC') END AS slot,
       coalesce(d.value, '') AS value, m.bucket::text AS detail, count(*) AS count, 0 AS amount
FROM projection.claim_fact c
CROSS JOIN LATERAL (VALUES ('decision-times', c.first_decided_at, c.decision_bucket),
    ('resolution-times', c.resolved_at, c.resolution_bucket)) m(measure, at, bucket)
CROSS JOIN LATERAL (VALUES ('', NULL), ('claimType', c.claim_type), ('issueType', c.issue_type),
    ('claimCategory', c.claim_category), ('salesChannel', c.sales_channel)) d(dimension, value)
CROSS JOIN (VALUES ('day'), ('mon')) g(grain)
WHERE m.at IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;

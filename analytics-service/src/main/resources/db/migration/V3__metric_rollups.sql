-- Counts and sums per account, slot and breakdown, kept as the facts change (Rollup, Rollups):
-- a metric over a range reads these instead of every fact in it. grain '15m' is a quarter of an
-- hour (every time zone's days, weeks and months are whole numbers of them), 'day' a UTC day.
-- dimension '' holds the totals; value '' stands for none; detail is the latest decision of
-- 'decisions' and the currency of money, '' otherwise. A row that came out even is removed.
CREATE TABLE projection.metric_rollup
(
    account_id VARCHAR(40)              NOT NULL,
    measure    VARCHAR(20)              NOT NULL,
    dimension  VARCHAR(30)              NOT NULL,
    grain      VARCHAR(3)               NOT NULL,
    slot       TIMESTAMP WITH TIME ZONE NOT NULL,
    value      VARCHAR(100)             NOT NULL,
    detail     VARCHAR(40)              NOT NULL,
    count      BIGINT                   NOT NULL,
    amount     NUMERIC(19, 4)           NOT NULL,
    PRIMARY KEY (account_id, measure, dimension, grain, slot, value, detail)
);

-- The roll-ups of the facts already projected, as Rollups adds them up event by event.
INSERT INTO projection.metric_rollup (account_id, measure, dimension, grain, slot, value, detail, count, amount)
SELECT account_id, measure, dimension, grain, slot, value, detail, sum(count) AS count, sum(amount) AS amount
FROM (
    -- claims at their filing, decided claims at their first decision, in total and per breakdown
    SELECT c.account_id, m.measure, d.dimension, g.grain,
           CASE g.grain WHEN 'day' THEN date_bin('1 day', m.at, TIMESTAMPTZ '1970-01-01 00:00:00+00')
                ELSE date_bin('15 minutes', m.at, TIMESTAMPTZ '1970-01-01 00:00:00+00') END AS slot,
           coalesce(d.value, '') AS value, coalesce(m.detail, '') AS detail, 1 AS count, 0 AS amount
    FROM projection.claim_fact c
    CROSS JOIN LATERAL (VALUES ('claims', c.filed_at, NULL), ('decisions', c.first_decided_at, c.decision)) m(measure, at, detail)
    CROSS JOIN LATERAL (VALUES ('', NULL), ('state', c.state), ('claimType', c.claim_type), ('issueType', c.issue_type),
        ('claimCategory', c.claim_category), ('salesChannel', c.sales_channel),
        ('requestedResolution', c.requested_resolution)) d(dimension, value)
    CROSS JOIN (VALUES ('15m'), ('day')) g(grain)
    WHERE m.at IS NOT NULL
    UNION ALL
    SELECT o.account_id, 'orders', d.dimension, g.grain,
           CASE g.grain WHEN 'day' THEN date_bin('1 day', o.ordered_at, TIMESTAMPTZ '1970-01-01 00:00:00+00')
                ELSE date_bin('15 minutes', o.ordered_at, TIMESTAMPTZ '1970-01-01 00:00:00+00') END,
           coalesce(d.value, ''), o.currency, 1, o.total_amount
    FROM projection.order_fact o
    CROSS JOIN LATERAL (VALUES ('', NULL), ('status', o.status)) d(dimension, value)
    CROSS JOIN (VALUES ('15m'), ('day')) g(grain)
    UNION ALL
    -- a claim or an order once per SKU it names (an item without one names none)
    SELECT s.account_id, s.measure, 'sku', g.grain,
           CASE g.grain WHEN 'day' THEN date_bin('1 day', s.at, TIMESTAMPTZ '1970-01-01 00:00:00+00')
                ELSE date_bin('15 minutes', s.at, TIMESTAMPTZ '1970-01-01 00:00:00+00') END,
           coalesce(s.sku, ''), '', 1, 0
    FROM (SELECT DISTINCT account_id, 'claim-skus' AS measure, claim_id AS id, sku, filed_at AS at
          FROM projection.claim_item_fact
          UNION ALL
          SELECT DISTINCT account_id, 'order-skus', order_id, sku, ordered_at FROM projection.order_line_fact) s
    CROSS JOIN (VALUES ('15m'), ('day')) g(grain)
    UNION ALL
    SELECT r.account_id, 'resolutions', d.dimension, g.grain,
           CASE g.grain WHEN 'day' THEN date_bin('1 day', r.resolved_at, TIMESTAMPTZ '1970-01-01 00:00:00+00')
                ELSE date_bin('15 minutes', r.resolved_at, TIMESTAMPTZ '1970-01-01 00:00:00+00') END,
           coalesce(d.value, ''), r.currency, 1, r.paid_value + r.shipping_value
    FROM projection.resolution_fact r
    CROSS JOIN LATERAL (VALUES ('', NULL), ('resolutionType', r.resolution_type)) d(dimension, value)
    CROSS JOIN (VALUES ('15m'), ('day')) g(grain)
    UNION ALL
    SELECT s.account_id, 'credits', d.dimension, g.grain,
           CASE g.grain WHEN 'day' THEN date_bin('1 day', s.issued_at, TIMESTAMPTZ '1970-01-01 00:00:00+00')
                ELSE date_bin('15 minutes', s.issued_at, TIMESTAMPTZ '1970-01-01 00:00:00+00') END,
           coalesce(d.value, ''), s.currency, 1, s.total_value
    FROM projection.store_credit_fact s
    CROSS JOIN LATERAL (VALUES ('', NULL), ('creditType', s.credit_type)) d(dimension, value)
    CROSS JOIN (VALUES ('15m'), ('day')) g(grain)
) tallies
GROUP BY account_id, measure, dimension, grain, slot, value, detail;

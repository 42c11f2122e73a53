-- Every table of the analytics projection lives in the schema "projection": a rebuild fills a
-- copy of it (schema projection_rebuild) from the first offset of the domain topics and renames it into
-- place (docs/architecture.md, "Rebuilding the analytics projection"). Its ledger of processed
-- events is in it too, so that a rebuilt projection has its own.
CREATE SCHEMA projection;
ALTER TABLE statistic_counter SET SCHEMA projection;
CREATE TABLE projection.processed_event (LIKE public.processed_event INCLUDING ALL);
INSERT INTO projection.processed_event (consumer, event_id, processed_at)
SELECT 'analytics', event_id, processed_at FROM public.processed_event WHERE consumer = 'analytics-statistics';
DELETE FROM public.processed_event WHERE consumer = 'analytics-statistics';

-- Which consumer group feeds the live projection (a rebuild's group replaces it), and each rebuild.
CREATE TABLE projection_live
(
    id       INTEGER                  NOT NULL PRIMARY KEY CHECK (id = 1),
    group_id VARCHAR(100)             NOT NULL,
    since    TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO projection_live (id, group_id, since) VALUES (1, 'analytics-service', now());

CREATE TABLE projection_rebuilds
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id        VARCHAR(100)             NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    owner           VARCHAR(200)             NOT NULL,
    events_replayed BIGINT                   NOT NULL DEFAULT 0,
    failure         TEXT
);

-- The facts the metrics are computed from, one row per thing counted, each with the time it is
-- counted at (docs/architecture.md, "Analytics metrics"). Indexed by account and that time: every
-- metric query reads one account's range.

-- The product holding each SKU now: claims and order lines are put in their product's category
-- when a metric is asked for, so a product moved to another category moves its claims too.
CREATE TABLE projection.catalog_product
(
    account_id VARCHAR(40)  NOT NULL,
    sku        VARCHAR(64)  NOT NULL,
    product_id VARCHAR(40)  NOT NULL,
    name       VARCHAR(255),
    category   VARCHAR(100),
    PRIMARY KEY (account_id, sku)
);

CREATE TABLE projection.order_fact
(
    account_id   VARCHAR(40)              NOT NULL,
    order_id     VARCHAR(40)              NOT NULL,
    ordered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(40)              NOT NULL,
    total_amount NUMERIC(19, 4)           NOT NULL,
    currency     VARCHAR(3)               NOT NULL,
    PRIMARY KEY (account_id, order_id)
);
CREATE INDEX order_fact_ordered ON projection.order_fact (account_id, ordered_at) INCLUDE (status, total_amount, currency);

-- One row per line (keyed by its id, or by its SKU for an order announced without line ids), with
-- the order's time copied so that a range reads the lines alone.
CREATE TABLE projection.order_line_fact
(
    account_id VARCHAR(40)              NOT NULL,
    order_id   VARCHAR(40)              NOT NULL,
    line_key   VARCHAR(64)              NOT NULL,
    sku        VARCHAR(64)              NOT NULL,
    quantity   INTEGER                  NOT NULL,
    ordered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, order_id, line_key)
);
CREATE INDEX order_line_fact_ordered ON projection.order_line_fact (account_id, ordered_at) INCLUDE (sku, order_id);

-- A claim: filed when, its breakdowns, its first decision (when, which), its latest decision and
-- when it was first resolved.
CREATE TABLE projection.claim_fact
(
    account_id           VARCHAR(40)              NOT NULL,
    claim_id             VARCHAR(40)              NOT NULL,
    order_id             VARCHAR(40),
    filed_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    state                VARCHAR(40)              NOT NULL,
    claim_type           VARCHAR(100),
    claim_category       VARCHAR(40),
    issue_type           VARCHAR(40),
    sales_channel        VARCHAR(40),
    requested_resolution VARCHAR(40),
    first_decided_at     TIMESTAMP WITH TIME ZONE,
    first_decision       VARCHAR(40),
    decision             VARCHAR(40),
    resolved_at          TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (account_id, claim_id)
);
CREATE INDEX claim_fact_filed ON projection.claim_fact (account_id, filed_at);
CREATE INDEX claim_fact_decided ON projection.claim_fact (account_id, first_decided_at) WHERE first_decided_at IS NOT NULL;
CREATE INDEX claim_fact_resolved ON projection.claim_fact (account_id, resolved_at) WHERE resolved_at IS NOT NULL;

CREATE TABLE projection.claim_item_fact
(
    account_id VARCHAR(40)              NOT NULL,
    claim_id   VARCHAR(40)              NOT NULL,
    position   INTEGER                  NOT NULL,
    sku        VARCHAR(64),
    quantity   INTEGER                  NOT NULL,
    filed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, claim_id, position)
);
CREATE INDEX claim_item_fact_filed ON projection.claim_item_fact (account_id, filed_at) INCLUDE (sku, claim_id);

CREATE TABLE projection.resolution_fact
(
    account_id      VARCHAR(40)              NOT NULL,
    resolution_id   VARCHAR(40)              NOT NULL,
    claim_id        VARCHAR(40)              NOT NULL,
    resolved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    resolution_type VARCHAR(40)              NOT NULL,
    paid_value      NUMERIC(19, 4)           NOT NULL,
    shipping_value  NUMERIC(19, 4)           NOT NULL,
    currency        VARCHAR(3)               NOT NULL,
    PRIMARY KEY (account_id, resolution_id)
);
CREATE INDEX resolution_fact_resolved ON projection.resolution_fact (account_id, resolved_at);

CREATE TABLE projection.store_credit_fact
(
    account_id  VARCHAR(40)              NOT NULL,
    event_id    UUID                     NOT NULL,
    claim_id    VARCHAR(40)              NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    credit_type VARCHAR(40)              NOT NULL,
    total_value NUMERIC(19, 4)           NOT NULL,
    currency    VARCHAR(3)               NOT NULL,
    PRIMARY KEY (account_id, event_id)
);
CREATE INDEX store_credit_fact_issued ON projection.store_credit_fact (account_id, issued_at);

-- How fresh an account's metrics are: the time of the newest event applied to its facts.
CREATE TABLE projection.projection_watermark
(
    account_id VARCHAR(40)              NOT NULL PRIMARY KEY,
    as_of      TIMESTAMP WITH TIME ZONE NOT NULL
);

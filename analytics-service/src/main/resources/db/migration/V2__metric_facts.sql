-- The facts the metrics are computed from, one row per thing counted, each with the time it is
-- counted at (docs/architecture.md, "Analytics metrics"). Indexed by account and that time: every
-- metric query reads one account's range.

-- The product holding each SKU now: claims and order lines are put in their product's category
-- when a metric is asked for, so a product moved to another category moves its claims too.
CREATE TABLE catalog_product
(
    account_id VARCHAR(40)  NOT NULL,
    sku        VARCHAR(64)  NOT NULL,
    product_id VARCHAR(40)  NOT NULL,
    name       VARCHAR(255),
    category   VARCHAR(100),
    PRIMARY KEY (account_id, sku)
);

CREATE TABLE order_fact
(
    account_id   VARCHAR(40)              NOT NULL,
    order_id     VARCHAR(40)              NOT NULL,
    ordered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(40)              NOT NULL,
    total_amount NUMERIC(19, 4)           NOT NULL,
    currency     VARCHAR(3)               NOT NULL,
    PRIMARY KEY (account_id, order_id)
);
CREATE INDEX order_fact_ordered ON order_fact (account_id, ordered_at) INCLUDE (status, total_amount, currency);

-- One row per line (keyed by its id, or by its SKU for an order announced without line ids), with
-- the order's time copied so that a range reads the lines alone.
CREATE TABLE order_line_fact
(
    account_id VARCHAR(40)              NOT NULL,
    order_id   VARCHAR(40)              NOT NULL,
    line_key   VARCHAR(64)              NOT NULL,
    sku        VARCHAR(64)              NOT NULL,
    quantity   INTEGER                  NOT NULL,
    ordered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, order_id, line_key)
);
CREATE INDEX order_line_fact_ordered ON order_line_fact (account_id, ordered_at) INCLUDE (sku, order_id);

-- A claim: filed when, its breakdowns, its first decision (when, which), its latest decision and
-- when it was first resolved.
CREATE TABLE claim_fact
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
CREATE INDEX claim_fact_filed ON claim_fact (account_id, filed_at);
CREATE INDEX claim_fact_decided ON claim_fact (account_id, first_decided_at) WHERE first_decided_at IS NOT NULL;
CREATE INDEX claim_fact_resolved ON claim_fact (account_id, resolved_at) WHERE resolved_at IS NOT NULL;

CREATE TABLE claim_item_fact
(
    account_id VARCHAR(40)              NOT NULL,
    claim_id   VARCHAR(40)              NOT NULL,
    position   INTEGER                  NOT NULL,
    sku        VARCHAR(64),
    quantity   INTEGER                  NOT NULL,
    filed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, claim_id, position)
);
CREATE INDEX claim_item_fact_filed ON claim_item_fact (account_id, filed_at) INCLUDE (sku, claim_id);

CREATE TABLE resolution_fact
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
CREATE INDEX resolution_fact_resolved ON resolution_fact (account_id, resolved_at);

CREATE TABLE store_credit_fact
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
CREATE INDEX store_credit_fact_issued ON store_credit_fact (account_id, issued_at);

-- How fresh an account's metrics are: the time of the newest event applied to its facts.
CREATE TABLE projection_watermark
(
    account_id VARCHAR(40)              NOT NULL PRIMARY KEY,
    as_of      TIMESTAMP WITH TIME ZONE NOT NULL
);

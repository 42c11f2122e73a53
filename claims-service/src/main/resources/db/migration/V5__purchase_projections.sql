-- The account's orders and products as the claims service knows them from their events.
CREATE TABLE known_order
(
    account_id   VARCHAR(40)              NOT NULL,
    order_id     VARCHAR(64)              NOT NULL,
    purchased_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- false for an order announced by a version 1 event, which names no lines
    lines_known  BOOLEAN                  NOT NULL,
    PRIMARY KEY (account_id, order_id)
);

CREATE TABLE known_order_line
(
    account_id VARCHAR(40) NOT NULL,
    order_id   VARCHAR(64) NOT NULL,
    sku        VARCHAR(64) NOT NULL,
    quantity   INTEGER     NOT NULL,
    PRIMARY KEY (account_id, order_id, sku)
);

CREATE TABLE known_product
(
    account_id      VARCHAR(40) NOT NULL,
    sku             VARCHAR(64) NOT NULL,
    product_id      VARCHAR(40) NOT NULL,
    warranty_months INTEGER     NOT NULL,
    PRIMARY KEY (account_id, sku)
);

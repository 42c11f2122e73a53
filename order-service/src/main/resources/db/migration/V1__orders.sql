CREATE TABLE customer_order
(
    id             VARCHAR(40)              NOT NULL PRIMARY KEY,
    account_id     VARCHAR(40)              NOT NULL,
    order_number   VARCHAR(64),
    status         VARCHAR(20)              NOT NULL,
    customer_email VARCHAR(254)             NOT NULL,
    customer_name  VARCHAR(200)             NOT NULL,
    currency       VARCHAR(3)               NOT NULL,
    total_amount   NUMERIC(14, 2)           NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT                   NOT NULL
);

-- an integrator's own order number names one order per account, so re-sending an order is refused
CREATE UNIQUE INDEX customer_order_number_per_account ON customer_order (account_id, order_number)
    WHERE order_number IS NOT NULL;
CREATE INDEX customer_order_account_status ON customer_order (account_id, status, id);
CREATE INDEX customer_order_account_email ON customer_order (account_id, lower(customer_email), id);

CREATE TABLE order_line_item
(
    order_id   VARCHAR(40)    NOT NULL REFERENCES customer_order (id),
    position   INTEGER        NOT NULL,
    sku        VARCHAR(64)    NOT NULL,
    name       VARCHAR(200),
    quantity   INTEGER        NOT NULL,
    unit_price NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (order_id, position)
);

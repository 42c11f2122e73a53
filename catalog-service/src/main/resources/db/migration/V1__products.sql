CREATE TABLE product
(
    id              VARCHAR(40)              NOT NULL PRIMARY KEY,
    account_id      VARCHAR(40)              NOT NULL,
    name            VARCHAR(200)             NOT NULL,
    sku             VARCHAR(64)              NOT NULL,
    category        VARCHAR(100)             NOT NULL,
    price           NUMERIC(12, 2)           NOT NULL,
    warranty_months INTEGER                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT product_sku_unique_per_account UNIQUE (account_id, sku)
);

CREATE INDEX product_account_category ON product (account_id, category, id);

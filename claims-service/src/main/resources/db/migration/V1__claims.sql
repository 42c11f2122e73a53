CREATE TABLE claim
(
    id                  VARCHAR(40)              NOT NULL PRIMARY KEY,
    account_id          VARCHAR(40)              NOT NULL,
    order_id            VARCHAR(64)              NOT NULL,
    source_order_id     VARCHAR(64),
    source_order_number VARCHAR(64),
    author_name         VARCHAR(200)             NOT NULL,
    author_email        VARCHAR(254)             NOT NULL,
    claim_description   VARCHAR(5000)            NOT NULL,
    claim_state         VARCHAR(30)              NOT NULL,
    claim_type          VARCHAR(50),
    is_ota              BOOLEAN                  NOT NULL,
    ota_description     VARCHAR(1000),
    external_source     VARCHAR(50)              NOT NULL,
    policy_id           VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at          TIMESTAMP WITH TIME ZONE,
    version             BIGINT                   NOT NULL
);

CREATE INDEX claim_account_id ON claim (account_id, id DESC);
CREATE INDEX claim_account_state ON claim (account_id, claim_state, id DESC);
CREATE INDEX claim_account_order ON claim (account_id, order_id, id DESC);

CREATE TABLE claim_item
(
    claim_id   VARCHAR(40)              NOT NULL REFERENCES claim (id),
    position   INTEGER                  NOT NULL,
    id         VARCHAR(40)              NOT NULL UNIQUE,
    item_id    VARCHAR(64)              NOT NULL,
    quantity   INTEGER                  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (claim_id, position)
);

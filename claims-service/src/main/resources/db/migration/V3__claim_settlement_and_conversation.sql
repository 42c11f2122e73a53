-- How claims were settled, what they say to each other, what is attached, what was credited.
CREATE TABLE claim_resolution
(
    claim_id            VARCHAR(40)              NOT NULL REFERENCES claim (id),
    position            INTEGER                  NOT NULL,
    id                  VARCHAR(40)              NOT NULL UNIQUE,
    resolution_type     VARCHAR(30)              NOT NULL,
    resolution_details  VARCHAR(5000),
    user_id             VARCHAR(40),
    paid_value          NUMERIC(14, 2)           NOT NULL,
    paid_currency       VARCHAR(3)               NOT NULL,
    paid_original_value NUMERIC(14, 2)           NOT NULL,
    include_shipping    BOOLEAN                  NOT NULL,
    shipping_amount     NUMERIC(14, 2)           NOT NULL,
    credit_store        BOOLEAN                  NOT NULL,
    claim_state         VARCHAR(30)              NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (claim_id, position)
);

CREATE TABLE claim_message
(
    claim_id    VARCHAR(40)              NOT NULL REFERENCES claim (id),
    position    INTEGER                  NOT NULL,
    id          VARCHAR(40)              NOT NULL UNIQUE,
    message     VARCHAR(10000)           NOT NULL,
    sender_type VARCHAR(20)              NOT NULL,
    author_name VARCHAR(200),
    added_by    VARCHAR(40),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (claim_id, position)
);

CREATE TABLE claim_media
(
    claim_id   VARCHAR(40)   NOT NULL REFERENCES claim (id),
    position   INTEGER       NOT NULL,
    message_id VARCHAR(40)   NOT NULL,
    url        VARCHAR(2048) NOT NULL,
    media_type VARCHAR(20)   NOT NULL,
    PRIMARY KEY (claim_id, position)
);

CREATE TABLE claim_document
(
    claim_id      VARCHAR(40)              NOT NULL REFERENCES claim (id),
    position      INTEGER                  NOT NULL,
    id            VARCHAR(40)              NOT NULL UNIQUE,
    url           VARCHAR(2048)            NOT NULL,
    document_type VARCHAR(30)              NOT NULL,
    added_by      VARCHAR(40),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (claim_id, position)
);

-- a code is a bearer secret: unique across every account, never repeated
CREATE TABLE store_credit
(
    claim_id        VARCHAR(40)              NOT NULL REFERENCES claim (id),
    position        INTEGER                  NOT NULL,
    code            VARCHAR(40)              NOT NULL UNIQUE,
    credit_type     VARCHAR(20)              NOT NULL,
    email_status    VARCHAR(20)              NOT NULL,
    email_time      TIMESTAMP WITH TIME ZONE,
    credit_value    NUMERIC(14, 2)           NOT NULL,
    bonus_value     NUMERIC(14, 2)           NOT NULL,
    total_value     NUMERIC(14, 2)           NOT NULL,
    bonus           NUMERIC(14, 2)           NOT NULL,
    bonus_type      VARCHAR(20)              NOT NULL,
    credit_currency VARCHAR(3)               NOT NULL,
    exchange_rate   NUMERIC(18, 8)           NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (claim_id, position)
);

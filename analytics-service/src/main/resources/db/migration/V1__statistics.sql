-- One counter per account, subject (products, orders, claims) and bucket: 'total', or a
-- breakdown value such as 'category:Electronics' or 'status:SHIPPED'.
CREATE TABLE statistic_counter
(
    account_id VARCHAR(40)  NOT NULL,
    subject    VARCHAR(20)  NOT NULL,
    bucket     VARCHAR(150) NOT NULL,
    count      BIGINT       NOT NULL,
    PRIMARY KEY (account_id, subject, bucket)
);

-- Offline warranty claims: no order of ours, a generated source order id, and what the store told us.
ALTER TABLE claim ALTER COLUMN order_id DROP NOT NULL;
ALTER TABLE claim
    ADD COLUMN sales_channel        VARCHAR(20),
    ADD COLUMN claim_category       VARCHAR(20),
    ADD COLUMN issue_type           VARCHAR(40),
    ADD COLUMN requested_resolution VARCHAR(20),
    ADD COLUMN claim_filed_from     VARCHAR(20),
    ADD COLUMN offline_details      TEXT;

-- the source order ids the claims desk makes up for offline claims are unique in the account
CREATE UNIQUE INDEX claim_offline_source_order ON claim (account_id, source_order_id)
    WHERE offline_details IS NOT NULL;

-- Orders' lines carry ids (OrderCreated 3, OrderUpdated 2): one row per line, keyed by its id;
-- lines of earlier events, one per SKU and without id, stay keyed by their SKU.
ALTER TABLE known_order_line
    ADD COLUMN line_id        VARCHAR(40),
    ADD COLUMN source_item_id VARCHAR(64);
ALTER TABLE known_order_line DROP CONSTRAINT known_order_line_pkey;
CREATE UNIQUE INDEX known_order_line_key ON known_order_line (account_id, order_id, (coalesce(line_id, sku)));

-- The line of the order a claimed item is, whichever way the claim named it (null: the order's
-- lines were not known when the claim was filed).
ALTER TABLE claim_item ADD COLUMN line_item_id VARCHAR(40);

-- Products follow the store: changed in place, deleted softly. A deleted product keeps its
-- row (readable by id) and frees its SKU for a new product.
ALTER TABLE product ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE product DROP CONSTRAINT product_sku_unique_per_account;

CREATE UNIQUE INDEX product_live_sku ON product (account_id, sku) WHERE deleted_at IS NULL;

-- Keyset paging: each sort a listing offers reads its index from the cursor on, with the id
-- breaking ties (ProductSorts)
CREATE INDEX product_account_created ON product (account_id, created_at, id);
CREATE INDEX product_account_name ON product (account_id, name, id);
CREATE INDEX product_account_price ON product (account_id, price, id);

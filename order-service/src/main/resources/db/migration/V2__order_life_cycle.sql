-- Orders with a life cycle: when the customer ordered (the store's time), the shipment, and
-- where it goes. Orders placed before have their creation as their order time.
ALTER TABLE customer_order ADD COLUMN ordered_at TIMESTAMP WITH TIME ZONE;
UPDATE customer_order SET ordered_at = created_at;
ALTER TABLE customer_order ALTER COLUMN ordered_at SET NOT NULL;

ALTER TABLE customer_order
    ADD COLUMN shipped_at          TIMESTAMP WITH TIME ZONE,
    ADD COLUMN delivered_at        TIMESTAMP WITH TIME ZONE,
    ADD COLUMN carrier             VARCHAR(100),
    ADD COLUMN tracking_number     VARCHAR(100),
    ADD COLUMN ship_to_name        VARCHAR(200),
    ADD COLUMN ship_to_line1       VARCHAR(200),
    ADD COLUMN ship_to_line2       VARCHAR(200),
    ADD COLUMN ship_to_city        VARCHAR(100),
    ADD COLUMN ship_to_region      VARCHAR(100),
    ADD COLUMN ship_to_postal_code VARCHAR(20),
    ADD COLUMN ship_to_country     VARCHAR(2);

-- Keyset paging: each sort a listing offers reads its index from the cursor on (OrderSorts);
-- the SKU filter finds an order's lines by SKU
CREATE INDEX customer_order_account_created ON customer_order (account_id, created_at, id);
CREATE INDEX customer_order_account_ordered ON customer_order (account_id, ordered_at, id);
CREATE INDEX customer_order_account_total ON customer_order (account_id, total_amount, id);
CREATE INDEX order_line_item_sku ON order_line_item (sku);

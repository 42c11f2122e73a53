-- Every line of an order gets an id that claims reference (li_…), and keeps the store's id of
-- it when one was given. Lines placed before get ids made of their order's and their position.
ALTER TABLE order_line_item
    ADD COLUMN id             VARCHAR(40),
    ADD COLUMN source_item_id VARCHAR(64);
UPDATE order_line_item SET id = 'li_' || substr(md5(order_id || '/' || position), 1, 24);
ALTER TABLE order_line_item ALTER COLUMN id SET NOT NULL;
CREATE UNIQUE INDEX order_line_item_id ON order_line_item (id);

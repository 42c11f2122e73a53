-- The SKU of a claimed item (ClaimCreated 2 carries it for analytics): the SKU of the order's
-- line it is, or, where the order's lines were not known, the item id the claim gave, which the
-- warranty check takes for a SKU too; an offline claim's item SKU.
ALTER TABLE claim_item ADD COLUMN sku VARCHAR(64);

UPDATE claim_item ci
SET sku = l.sku
FROM claim c
         JOIN known_order_line l ON l.account_id = c.account_id AND l.order_id = c.order_id
WHERE ci.claim_id = c.id
  AND ci.line_item_id IS NOT NULL
  AND l.line_id = ci.line_item_id;

UPDATE claim_item ci
SET sku = c.offline_details::jsonb -> 'item' ->> 'sku'
FROM claim c
WHERE ci.claim_id = c.id
  AND c.offline_details IS NOT NULL;

UPDATE claim_item ci
SET sku = ci.item_id
FROM claim c
WHERE ci.claim_id = c.id
  AND ci.sku IS NULL
  AND ci.line_item_id IS NULL
  AND c.offline_details IS NULL;

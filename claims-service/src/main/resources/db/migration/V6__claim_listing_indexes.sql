-- The claims listing's filters, each with the account and the listing's order (newest
-- first), so that a page is read in index order and stops after first + 1 matches, or
-- comes from a few bitmap scans when filters are combined with OR. Measured in
-- bench/README.md ("Claims"): without the e-mail index, one customer's closed claims read
-- every closed claim of the account.
CREATE INDEX claim_account_email ON claim (account_id, lower(author_email), id DESC);
CREATE INDEX claim_account_type ON claim (account_id, claim_type, id DESC);
CREATE INDEX claim_account_source ON claim (account_id, external_source, id DESC);

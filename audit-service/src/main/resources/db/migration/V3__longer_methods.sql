-- A method is any token a client sends (PROPFIND, or worse); longer ones are cut and marked.
ALTER TABLE request_log ALTER COLUMN method TYPE VARCHAR(32);

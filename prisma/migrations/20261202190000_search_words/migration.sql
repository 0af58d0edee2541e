-- The register's word index. A text search looks for names, organisations and email addresses whose
-- words start with the words typed, accents optional. Trigrams (kept for searching inside words)
-- cannot index a two-letter word such as the given names "Vy" or "Hà", so such a search read every
-- row. The words are kept in a column PostgreSQL computes itself, so that checking a row is reading a
-- value, not re-running the text parser: the planner may then walk the newest-first index and check
-- rows as it goes, or read the few matches from the GIN index and sort them, whichever is cheaper.
-- The email is split into words at its punctuation ("hoa.nguyen92@congty.vn" → hoa, nguyen92,
-- congty, vn). Phone numbers stay out: STAFF may find a masked number only whole.
-- Names inside are schema-qualified: a restore (pg_restore runs with an empty search_path) inlines
-- this function while it creates the table.
CREATE FUNCTION customer_search_words(name text, organization text, email text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('simple'::regconfig, public.immutable_unaccent(concat_ws(' ', name, organization, translate(email, '.@_-+', '     ')))) $$;

ALTER TABLE "Customer" ADD COLUMN "searchWords" tsvector
  GENERATED ALWAYS AS (customer_search_words("fullName", organization, email)) STORED;

CREATE INDEX "Customer_search_words" ON "Customer" USING gin ("searchWords");

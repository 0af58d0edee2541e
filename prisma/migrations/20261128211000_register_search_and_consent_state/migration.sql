-- Hand-written: search indexes, the current-consent table kept by a trigger, and the one change the
-- consent ledger accepts (re-linking events when two customer records are merged).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is STABLE (it reads a dictionary); an index needs an IMMUTABLE wrapper with a fixed
-- dictionary. "đ" is not decomposed by Unicode, so it is mapped to "d" explicitly.
CREATE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT translate(lower(public.unaccent('public.unaccent'::regdictionary, $1)), 'đ', 'd') $$;

-- One search box matches part of a name or organisation (accents optional), an email, or a phone.
CREATE INDEX "Customer_search_name_trgm" ON "Customer" USING gin (immutable_unaccent("fullName") gin_trgm_ops);
CREATE INDEX "Customer_search_org_trgm" ON "Customer" USING gin (immutable_unaccent(organization) gin_trgm_ops);
CREATE INDEX "Customer_search_email_trgm" ON "Customer" USING gin (email gin_trgm_ops);
CREATE INDEX "Customer_search_phone_trgm" ON "Customer" USING gin (phone gin_trgm_ops);
-- Keyset pagination in the default order (newest first) and by name.
CREATE INDEX "Customer_createdAt_id" ON "Customer" ("createdAt" DESC, id DESC);
CREATE INDEX "Customer_name_id" ON "Customer" ((coalesce(immutable_unaccent("fullName"), '')), id);

-- Current consent = the latest event per (customer, purpose). A statement-level trigger with a
-- transition table keeps ConsentState up to date in the same transaction, set-based, so bulk loads
-- (COPY, multi-row INSERT) stay fast.
CREATE FUNCTION consent_state_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ConsentState" ("customerId", "purposeId", action, "eventId", "givenAt")
  SELECT DISTINCT ON ("customerId", "purposeId") "customerId", "purposeId", action, id, "givenAt"
  FROM new_events
  ORDER BY "customerId", "purposeId", "givenAt" DESC, "createdAt" DESC, id DESC
  ON CONFLICT ("customerId", "purposeId") DO UPDATE
    SET action = EXCLUDED.action, "eventId" = EXCLUDED."eventId", "givenAt" = EXCLUDED."givenAt"
    WHERE "ConsentState"."givenAt" <= EXCLUDED."givenAt";
  RETURN NULL;
END
$$;

CREATE TRIGGER "ConsentEvent_state" AFTER INSERT ON "ConsentEvent"
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION consent_state_apply();

-- Merging two customer records moves their events to the surviving record: the only update the
-- ledger accepts, only inside lib/customers' merge (which sets the flag and audits the move), and
-- only of the customer link — what was agreed, when and how never changes.
CREATE OR REPLACE FUNCTION reject_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'ConsentEvent'
     AND current_setting('customer_register.merging', true) = 'on'
     AND (to_jsonb(NEW) - 'customerId') = (to_jsonb(OLD) - 'customerId') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

-- A customer's audit trail also includes events about things that belong to them (submissions…).
CREATE INDEX "AuditEvent_details_customerId" ON "AuditEvent" ((details ->> 'customerId'));

-- Spreadsheet-safe text for CSV exports: a cell that starts like a formula is prefixed with '.
CREATE FUNCTION csv_safe(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN $1 ~ '^[=+\-@\t\r]' THEN '''' || $1 ELSE $1 END $$;

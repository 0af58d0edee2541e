-- The CSV import, set-based. The file is already one entry per person (the dry run merges a
-- person's rows), so a batch of entries is matched, updated, created and given its consent events in
-- a handful of statements instead of one upsert_customer() call per row. The rules are the form
-- path's: a person is found by email, else by phone (the oldest record that is not erased); only
-- non-empty values are written; the same advisory lock per person as a form submission, so the two
-- never make the same person twice. Entries known by email are applied before those known only by
-- phone, so a phone-only entry finds the person an email entry of the same batch has just created.
CREATE OR REPLACE FUNCTION import_customer_batch(
  p_rows jsonb,        -- [{ "row": 12, "fields": {...}, "locale": "vi", "consents": { "<purposeId>": "GRANTED" | "WITHDRAWN" } }]
  p_job_id uuid,
  p_filename text,
  p_evidence text,
  p_staff_id uuid,
  p_policy_version_id uuid
) RETURNS TABLE (created int, updated int, unchanged int, consent_events int)
LANGUAGE plpgsql AS $$
DECLARE
  v_kind text;
  v_events int := 0;
BEGIN
  DROP TABLE IF EXISTS pg_temp.import_batch;
  CREATE TEMP TABLE import_batch (
    row_no int NOT NULL,
    match_kind text NOT NULL,
    match_value text NOT NULL,
    full_name text, email text, phone text, address text, organization text,
    locale "Locale" NOT NULL,
    consents jsonb NOT NULL,
    customer_id uuid,
    is_new boolean NOT NULL DEFAULT false,
    changes boolean NOT NULL DEFAULT false,
    UNIQUE (match_kind, match_value)  -- one entry per person: a file that is not merged fails loudly
  ) ON COMMIT DROP;

  INSERT INTO import_batch (row_no, match_kind, match_value, full_name, email, phone, address, organization, locale, consents)
  SELECT (r->>'row')::int,
         CASE WHEN nullif(f->>'email', '') IS NOT NULL THEN 'email' ELSE 'phone' END,
         coalesce(nullif(f->>'email', ''), nullif(f->>'phone', '')),
         nullif(f->>'fullName', ''), nullif(f->>'email', ''), nullif(f->>'phone', ''),
         nullif(f->>'address', ''), nullif(f->>'organization', ''),
         coalesce(r->>'locale', 'vi')::"Locale", coalesce(r->'consents', '{}'::jsonb)
  FROM jsonb_array_elements(p_rows) AS r, LATERAL (SELECT r->'fields' AS f) AS x
  WHERE coalesce(nullif(f->>'email', ''), nullif(f->>'phone', '')) IS NOT NULL;

  -- The form path's lock per person, taken in one order so that two imports at once cannot deadlock.
  PERFORM pg_advisory_xact_lock(l.k)
  FROM (SELECT DISTINCT hashtextextended('customer:' || match_kind || ':' || match_value, 0) AS k FROM import_batch ORDER BY 1) AS l;

  FOREACH v_kind IN ARRAY ARRAY['email', 'phone'] LOOP
    -- Who is already in the register (two plain lookups, so each uses its index).
    IF v_kind = 'email' THEN
      UPDATE import_batch b SET customer_id = (
        SELECT c.id FROM "Customer" c WHERE c.email = b.match_value AND c.status <> 'ERASED' ORDER BY c."createdAt" LIMIT 1)
      WHERE b.match_kind = 'email';
    ELSE
      UPDATE import_batch b SET customer_id = (
        SELECT c.id FROM "Customer" c WHERE c.phone = b.match_value AND c.status <> 'ERASED' ORDER BY c."createdAt" LIMIT 1)
      WHERE b.match_kind = 'phone';
    END IF;

    -- A value changes the record when it is given and differs from what is kept.
    UPDATE import_batch b SET changes =
         (b.full_name IS NOT NULL AND b.full_name IS DISTINCT FROM c."fullName")
      OR (b.email IS NOT NULL AND b.email IS DISTINCT FROM c.email)
      OR (b.phone IS NOT NULL AND b.phone IS DISTINCT FROM c.phone)
      OR (b.address IS NOT NULL AND b.address IS DISTINCT FROM c.address)
      OR (b.organization IS NOT NULL AND b.organization IS DISTINCT FROM c.organization)
    FROM "Customer" c
    WHERE c.id = b.customer_id AND b.match_kind = v_kind;

    UPDATE "Customer" c SET
      "fullName" = coalesce(b.full_name, c."fullName"),
      email = coalesce(b.email, c.email),
      phone = coalesce(b.phone, c.phone),
      address = coalesce(b.address, c.address),
      organization = coalesce(b.organization, c.organization),
      locale = b.locale,
      "updatedAt" = now()
    FROM import_batch b
    WHERE c.id = b.customer_id AND b.match_kind = v_kind AND b.changes;

    WITH added AS (
      INSERT INTO "Customer" ("fullName", email, phone, address, organization, locale, source, "updatedAt")
      SELECT b.full_name, b.email, b.phone, b.address, b.organization, b.locale, 'import', now()
      FROM import_batch b WHERE b.match_kind = v_kind AND b.customer_id IS NULL ORDER BY b.row_no
      RETURNING "Customer".id, "Customer".email, "Customer".phone
    )
    UPDATE import_batch b SET customer_id = added.id, is_new = true
    FROM added
    WHERE b.match_kind = v_kind AND b.customer_id IS NULL
      AND b.match_value = CASE WHEN v_kind = 'email' THEN added.email ELSE added.phone END;
  END LOOP;

  INSERT INTO "ConsentEvent" ("customerId", "purposeId", action, source, "policyVersionId", wording, locale,
                              "staffId", method, "documentRef", evidence)
    SELECT cu.id, pu.id, e.value::"ConsentAction", 'IMPORT', p_policy_version_id,
           consent_wording(pu."labelVi", pu."descriptionVi", pu."labelEn", pu."descriptionEn", cu.locale),
           cu.locale, p_staff_id, 'IMPORT', p_filename || ':' || b.row_no,
           jsonb_build_object('import', p_job_id, 'file', p_filename, 'row', b.row_no, 'description', p_evidence)
    -- Two entries of a file can be one person (an email entry, and a phone-only entry that found
    -- the person it created): per person and purpose, the later row's answer counts, once.
    FROM (SELECT DISTINCT ON (b.customer_id, e.key) b.customer_id, b.row_no, b.is_new, e.key, e.value
          FROM import_batch b CROSS JOIN LATERAL jsonb_each_text(b.consents) AS e
          ORDER BY b.customer_id, e.key, b.row_no DESC) AS b
    CROSS JOIN LATERAL (SELECT b.key, b.value) AS e
    JOIN "Customer" cu ON cu.id = b.customer_id
    JOIN "Purpose" pu ON pu.id = e.key::uuid
    -- Only a change: granting what was never given, withdrawing what is granted. A spreadsheet
    -- never overturns a person's own withdrawal: that takes their new consent, recorded as such.
    -- (A person created by this batch has no consent yet: nothing to look up.)
    WHERE (e.value = 'GRANTED' AND (b.is_new OR NOT EXISTS (
             SELECT 1 FROM "ConsentState" s WHERE s."customerId" = cu.id AND s."purposeId" = pu.id)))
       OR (e.value = 'WITHDRAWN' AND NOT b.is_new AND EXISTS (
             SELECT 1 FROM "ConsentState" s WHERE s."customerId" = cu.id AND s."purposeId" = pu.id AND s.action = 'GRANTED'))
    ORDER BY b.row_no;
  GET DIAGNOSTICS v_events = ROW_COUNT;

  RETURN QUERY
    SELECT count(*) FILTER (WHERE b.is_new)::int,
           count(*) FILTER (WHERE NOT b.is_new AND b.changes)::int,
           count(*) FILTER (WHERE NOT b.is_new AND NOT b.changes)::int,
           v_events
    FROM import_batch b;
END
$$;

-- Lifting an unsubscribe concerns a person's own new consent only: the trigger no longer runs for
-- every imported or staff-recorded event just to find that out.
DROP TRIGGER "ConsentEvent_lift_unsubscribe" ON "ConsentEvent";
CREATE TRIGGER "ConsentEvent_lift_unsubscribe" AFTER INSERT ON "ConsentEvent" FOR EACH ROW
  WHEN (NEW.action = 'GRANTED' AND NEW.source IN ('FORM', 'SELF_SERVICE'))
  EXECUTE FUNCTION lift_unsubscribe();

-- The CSV import, a batch of people at a time, set-based, with the form path's matching rules and locks.
-- The batch table stays readable until the transaction ends: the caller reads the records it changed
-- (before and after) from it to write each one's sealed audit entry.
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.import_customer_batch(p_rows jsonb, p_job_id uuid, p_filename text, p_evidence text, p_staff_id uuid, p_policy_version_id uuid)
 RETURNS TABLE(created integer, updated integer, unchanged integer, consent_events integer)
 LANGUAGE plpgsql
AS $function$
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
    locale_given boolean NOT NULL,
    consents jsonb NOT NULL,
    customer_id uuid,
    is_new boolean NOT NULL DEFAULT false,
    changes boolean NOT NULL DEFAULT false,
    -- What an existing record becomes (see below), and what it was (for its sealed audit entry).
    n_full_name text, n_phone text, n_address text, n_organization text, n_locale "Locale",
    o_full_name text, o_phone text, o_address text, o_organization text, o_locale "Locale",
    UNIQUE (match_kind, match_value)  -- one entry per person: a file that is not merged fails loudly
  ) ON COMMIT DROP;

  INSERT INTO import_batch (row_no, match_kind, match_value, full_name, email, phone, address, organization, locale, locale_given, consents)
  SELECT (r->>'row')::int,
         CASE WHEN nullif(f->>'email', '') IS NOT NULL THEN 'email' ELSE 'phone' END,
         coalesce(nullif(f->>'email', ''), nullif(f->>'phone', '')),
         nullif(f->>'fullName', ''), nullif(f->>'email', ''), nullif(f->>'phone', ''),
         nullif(f->>'address', ''), nullif(f->>'organization', ''),
         coalesce(r->>'locale', 'vi')::"Locale", r->>'locale' IS NOT NULL, coalesce(r->'consents', '{}'::jsonb)
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

    -- What an existing record becomes. A person found by email (the file and the register agree on
    -- who it is) takes the name, address and organisation the file gives; one found by phone alone
    -- only has empty ones filled, since a number can pass to someone else. A phone is taken only if no
    -- other record holds it; the language only if the file gives one. An email never changes here.
    -- An erased record (erased while this batch waited for it) is never written again.
    UPDATE import_batch b SET
      n_full_name = CASE WHEN b.full_name IS NOT NULL AND (v_kind = 'email' OR c."fullName" IS NULL) THEN b.full_name ELSE c."fullName" END,
      n_address = CASE WHEN b.address IS NOT NULL AND (v_kind = 'email' OR c.address IS NULL) THEN b.address ELSE c.address END,
      n_organization = CASE WHEN b.organization IS NOT NULL AND (v_kind = 'email' OR c.organization IS NULL) THEN b.organization ELSE c.organization END,
      n_phone = CASE WHEN b.phone IS NOT NULL AND NOT EXISTS (
                       SELECT 1 FROM "Customer" o WHERE o.phone = b.phone AND o.id <> c.id AND o.status <> 'ERASED')
                     THEN b.phone ELSE c.phone END,
      n_locale = CASE WHEN b.locale_given THEN b.locale ELSE c.locale END,
      o_full_name = c."fullName", o_phone = c.phone, o_address = c.address, o_organization = c.organization, o_locale = c.locale
    FROM "Customer" c
    WHERE c.id = b.customer_id AND b.match_kind = v_kind AND c.status <> 'ERASED';
    UPDATE import_batch b SET changes =
         b.n_full_name IS DISTINCT FROM c."fullName" OR b.n_phone IS DISTINCT FROM c.phone
      OR b.n_address IS DISTINCT FROM c.address OR b.n_organization IS DISTINCT FROM c.organization
      OR b.n_locale IS DISTINCT FROM c.locale
    FROM "Customer" c
    WHERE c.id = b.customer_id AND b.match_kind = v_kind AND c.status <> 'ERASED';

    UPDATE "Customer" c SET
      "fullName" = b.n_full_name,
      phone = b.n_phone,
      address = b.n_address,
      organization = b.n_organization,
      locale = b.n_locale,
      "updatedAt" = now()
    FROM import_batch b
    WHERE c.id = b.customer_id AND b.match_kind = v_kind AND b.changes AND c.status <> 'ERASED';

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
    JOIN "Customer" cu ON cu.id = b.customer_id AND cu.status <> 'ERASED'
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
$function$;

-- One person, one record: a form or an import finds the customer by email, else by phone, under a lock per person.
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.upsert_customer(p_fields jsonb, p_locale "Locale", p_source text)
 RETURNS TABLE(id uuid, created boolean, changed text[])
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_match text;
  v_existing "Customer"%ROWTYPE;
  v_changed text[] := '{}';
  v_id uuid;
  f text;
BEGIN
  v_match := CASE WHEN coalesce(p_fields->>'email', '') <> '' THEN 'email:' || (p_fields->>'email')
                  WHEN coalesce(p_fields->>'phone', '') <> '' THEN 'phone:' || (p_fields->>'phone') END;
  IF v_match IS NULL THEN
    RETURN;
  END IF;
  -- The same person arriving from two places at once still becomes one customer.
  PERFORM pg_advisory_xact_lock(hashtextextended('customer:' || v_match, 0));
  -- Two plain equality lookups (not one CASE), so each uses its index.
  IF coalesce(p_fields->>'email', '') <> '' THEN
    SELECT * INTO v_existing FROM "Customer" c
      WHERE c.email = p_fields->>'email' AND c.status <> 'ERASED' ORDER BY c."createdAt" LIMIT 1;
  ELSE
    SELECT * INTO v_existing FROM "Customer" c
      WHERE c.phone = p_fields->>'phone' AND c.status <> 'ERASED' ORDER BY c."createdAt" LIMIT 1;
  END IF;
  IF NOT FOUND THEN
    INSERT INTO "Customer" ("fullName", email, phone, address, organization, locale, source, "updatedAt")
      VALUES (nullif(p_fields->>'fullName', ''), nullif(p_fields->>'email', ''), nullif(p_fields->>'phone', ''),
              nullif(p_fields->>'address', ''), nullif(p_fields->>'organization', ''), p_locale, p_source, now())
      RETURNING "Customer".id INTO v_id;
    SELECT coalesce(array_agg(k), '{}') INTO v_changed FROM jsonb_each_text(p_fields) AS e(k, v) WHERE v <> '';
    RETURN QUERY SELECT v_id, true, v_changed;
    RETURN;
  END IF;
  FOREACH f IN ARRAY ARRAY['fullName', 'email', 'phone', 'address', 'organization'] LOOP
    IF coalesce(p_fields->>f, '') <> '' AND (to_jsonb(v_existing)->>f) IS DISTINCT FROM p_fields->>f THEN
      v_changed := v_changed || f;
    END IF;
  END LOOP;
  IF array_length(v_changed, 1) > 0 THEN
    UPDATE "Customer" SET
      "fullName" = coalesce(nullif(p_fields->>'fullName', ''), "fullName"),
      email = coalesce(nullif(p_fields->>'email', ''), email),
      phone = coalesce(nullif(p_fields->>'phone', ''), phone),
      address = coalesce(nullif(p_fields->>'address', ''), address),
      organization = coalesce(nullif(p_fields->>'organization', ''), organization),
      locale = p_locale,
      "updatedAt" = now()
    WHERE "Customer".id = v_existing.id;
  END IF;
  RETURN QUERY SELECT v_existing.id, false, v_changed;
END
$function$;

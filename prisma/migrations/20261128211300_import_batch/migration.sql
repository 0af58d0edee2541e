-- Hand-written: one batch of a CSV import in one transaction. Each row goes through upsert_customer
-- (the same de-duplication as forms); a consent column writes an event only when it changes the
-- customer's current consent, so importing the same file twice changes nothing.
CREATE FUNCTION import_customer_batch(
  p_rows jsonb,        -- [{ "row": 12, "fields": {...}, "locale": "vi", "consents": { "<purposeId>": "GRANTED" | "WITHDRAWN" } }]
  p_job_id uuid,
  p_filename text,
  p_evidence text,
  p_staff_id uuid,
  p_policy_version_id uuid
) RETURNS TABLE (created int, updated int, unchanged int, consent_events int)
LANGUAGE plpgsql AS $$
DECLARE
  r jsonb;
  c record;
  v_created int := 0;
  v_updated int := 0;
  v_unchanged int := 0;
  v_events int := 0;
  v_count int;
BEGIN
  FOR r IN SELECT value FROM jsonb_array_elements(p_rows) LOOP
    SELECT * INTO c FROM upsert_customer(r->'fields', coalesce(r->>'locale', 'vi')::"Locale", 'import');
    IF c.id IS NULL THEN
      CONTINUE;
    ELSIF c.created THEN
      v_created := v_created + 1;
    ELSIF array_length(c.changed, 1) > 0 THEN
      v_updated := v_updated + 1;
    ELSE
      v_unchanged := v_unchanged + 1;
    END IF;

    INSERT INTO "ConsentEvent" ("customerId", "purposeId", action, source, "policyVersionId", wording, locale,
                                "staffId", method, "documentRef", evidence)
      SELECT c.id, p.id, e.value::"ConsentAction", 'IMPORT', p_policy_version_id,
             CASE WHEN cu.locale = 'en' THEN p."labelEn" || ': ' || p."descriptionEn" ELSE p."labelVi" || ': ' || p."descriptionVi" END,
             cu.locale, p_staff_id, 'IMPORT', p_filename || ':' || (r->>'row'),
             jsonb_build_object('import', p_job_id, 'file', p_filename, 'row', (r->>'row')::int, 'description', p_evidence)
      FROM jsonb_each_text(coalesce(r->'consents', '{}'::jsonb)) AS e
      JOIN "Purpose" p ON p.id = e.key::uuid
      JOIN "Customer" cu ON cu.id = c.id
      WHERE NOT EXISTS (SELECT 1 FROM "ConsentState" s WHERE s."customerId" = c.id AND s."purposeId" = p.id AND s.action = e.value::"ConsentAction")
        AND (e.value = 'GRANTED' OR EXISTS (SELECT 1 FROM "ConsentState" s WHERE s."customerId" = c.id AND s."purposeId" = p.id));
    GET DIAGNOSTICS v_count = ROW_COUNT;
    v_events := v_events + v_count;
  END LOOP;
  RETURN QUERY SELECT v_created, v_updated, v_unchanged, v_events;
END
$$;

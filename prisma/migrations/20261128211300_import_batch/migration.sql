-- Hand-written: one batch of a CSV import in one transaction. Each row goes through upsert_customer
-- (the same de-duplication as forms); consent columns then write, in one statement for the whole
-- batch, an event only where it changes the customer's current consent, so importing the same file
-- twice changes nothing.
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
  v_people jsonb := '[]';
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
    IF r ? 'consents' AND r->'consents' <> '{}'::jsonb THEN
      v_people := v_people || jsonb_build_object('id', c.id, 'row', r->'row', 'consents', r->'consents');
    END IF;
  END LOOP;

  INSERT INTO "ConsentEvent" ("customerId", "purposeId", action, source, "policyVersionId", wording, locale,
                              "staffId", method, "documentRef", evidence)
    SELECT cu.id, pu.id, e.value::"ConsentAction", 'IMPORT', p_policy_version_id,
           CASE WHEN cu.locale = 'en' THEN pu."labelEn" || ': ' || pu."descriptionEn" ELSE pu."labelVi" || ': ' || pu."descriptionVi" END,
           cu.locale, p_staff_id, 'IMPORT', p_filename || ':' || (person->>'row'),
           jsonb_build_object('import', p_job_id, 'file', p_filename, 'row', (person->>'row')::int, 'description', p_evidence)
    FROM jsonb_array_elements(v_people) AS person
    CROSS JOIN LATERAL jsonb_each_text(person->'consents') AS e
    JOIN "Customer" cu ON cu.id = (person->>'id')::uuid
    JOIN "Purpose" pu ON pu.id = e.key::uuid
    LEFT JOIN "ConsentState" s ON s."customerId" = cu.id AND s."purposeId" = pu.id
    -- Only a change: granting what is not granted, withdrawing what is granted.
    WHERE (e.value = 'GRANTED' AND (s.action IS NULL OR s.action <> 'GRANTED'))
       OR (e.value = 'WITHDRAWN' AND s.action = 'GRANTED');
  GET DIAGNOSTICS v_events = ROW_COUNT;
  RETURN QUERY SELECT v_created, v_updated, v_unchanged, v_events;
END
$$;

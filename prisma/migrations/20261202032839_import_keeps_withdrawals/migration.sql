-- Hand-written: an import no longer turns a withdrawn consent back into a grant. Otherwise as before.
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
    -- Only a change: granting what was never given, withdrawing what is granted. A spreadsheet
    -- never overturns a person's own withdrawal: that takes their new consent, recorded as such.
    WHERE (e.value = 'GRANTED' AND s.action IS NULL)
       OR (e.value = 'WITHDRAWN' AND s.action = 'GRANTED');
  GET DIAGNOSTICS v_events = ROW_COUNT;
  RETURN QUERY SELECT v_created, v_updated, v_unchanged, v_events;
END
$$;

-- CreateIndex
CREATE INDEX "Submission_formId_ip_createdAt_idx" ON "Submission"("formId", "ip", "createdAt");

-- Hand-written: one form submission, in a single round trip and a single transaction: the
-- idempotency check, the rate limits (counted from the submissions themselves, so no counter row
-- becomes a hot spot), the customer upsert (deduplicated by normalised email, or phone when there is
-- no email), the submission, one consent event per ticked purpose and the audit event.
-- Validation, normalisation and the consent wording are prepared by lib/submissions.
-- The same person is one customer: found by normalised email, or by phone when there is no email
-- (erased records never match). Newer non-empty values win; an absent or empty value never erases
-- what is stored. Used by form submissions and CSV imports alike.
CREATE FUNCTION upsert_customer(p_fields jsonb, p_locale "Locale", p_source text)
RETURNS TABLE (id uuid, created boolean, changed text[])
LANGUAGE plpgsql AS $$
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
$$;

CREATE FUNCTION record_submission(
  p_form_id uuid,
  p_idempotency_key text,
  p_fields jsonb,          -- normalised personal fields (only non-empty ones)
  p_answers jsonb,
  p_locale "Locale",
  p_ip text,
  p_user_agent text,
  p_source text,
  p_policy_version_id uuid,
  p_consents jsonb,        -- [{ "purposeId": uuid, "key": text, "wording": text, "evidence": {...} }]
  p_ip_limit int,          -- submissions allowed per IP and form in p_ip_window seconds
  p_ip_window int,
  p_form_limit int,        -- submissions allowed per form in p_form_window seconds
  p_form_window int
) RETURNS TABLE (submission_id uuid, customer_id uuid, duplicate boolean, limited text, retry_after int)
LANGUAGE plpgsql AS $$
DECLARE
  v_submission uuid;
  v_customer uuid;
  v_created boolean := false;
  v_changed text[] := '{}';
  v_now timestamp := now() AT TIME ZONE 'UTC';
  v_count int;
  v_oldest timestamp;
BEGIN
  -- Retries of one submission are serialised, so the second sees the first and writes nothing.
  PERFORM pg_advisory_xact_lock(hashtextextended('submission:' || p_form_id || ':' || p_idempotency_key, 0));
  SELECT s.id, s."customerId" INTO v_submission, v_customer
    FROM "Submission" s WHERE s."formId" = p_form_id AND s."idempotencyKey" = p_idempotency_key;
  IF FOUND THEN
    RETURN QUERY SELECT v_submission, v_customer, true, NULL::text, NULL::int;
    RETURN;
  END IF;

  -- A limit of 0 turns that check off. Each check reads at most `limit` index entries.
  SELECT count(*), min(t."createdAt") INTO v_count, v_oldest FROM (
    SELECT s."createdAt" FROM "Submission" s
    WHERE p_ip_limit > 0 AND s."formId" = p_form_id AND s.ip = p_ip AND s."createdAt" > v_now - make_interval(secs => p_ip_window)
    ORDER BY s."createdAt" DESC LIMIT p_ip_limit) t;
  IF p_ip_limit > 0 AND v_count >= p_ip_limit THEN
    RETURN QUERY SELECT NULL::uuid, NULL::uuid, false, 'ip'::text,
      greatest(1, ceil(extract(epoch FROM v_oldest + make_interval(secs => p_ip_window) - v_now)))::int;
    RETURN;
  END IF;
  SELECT count(*), min(t."createdAt") INTO v_count, v_oldest FROM (
    SELECT s."createdAt" FROM "Submission" s
    WHERE p_form_limit > 0 AND s."formId" = p_form_id AND s."createdAt" > v_now - make_interval(secs => p_form_window)
    ORDER BY s."createdAt" DESC LIMIT p_form_limit) t;
  IF p_form_limit > 0 AND v_count >= p_form_limit THEN
    RETURN QUERY SELECT NULL::uuid, NULL::uuid, false, 'form'::text,
      greatest(1, ceil(extract(epoch FROM v_oldest + make_interval(secs => p_form_window) - v_now)))::int;
    RETURN;
  END IF;

  SELECT u.id, u.created, u.changed INTO v_customer, v_created, v_changed FROM upsert_customer(p_fields, p_locale, p_source) u;
  v_created := coalesce(v_created, false);
  v_changed := coalesce(v_changed, '{}');

  INSERT INTO "Submission" ("formId", "customerId", fields, answers, locale, "idempotencyKey", ip, "userAgent", "createdAt")
    VALUES (p_form_id, v_customer, p_fields, p_answers, p_locale, p_idempotency_key, p_ip, p_user_agent, v_now)
    RETURNING id INTO v_submission;

  IF v_customer IS NOT NULL THEN
    INSERT INTO "ConsentEvent" ("customerId", "purposeId", action, source, "policyVersionId", wording, locale,
                                "formId", "submissionId", ip, "userAgent", evidence)
      SELECT v_customer, (c->>'purposeId')::uuid, 'GRANTED', 'FORM', p_policy_version_id, c->>'wording', p_locale,
             p_form_id, v_submission, p_ip, p_user_agent, c->'evidence'
      FROM jsonb_array_elements(p_consents) AS c;
  END IF;

  -- The visitor's IP stays on the submission (erasable), not in the permanent audit chain.
  INSERT INTO "AuditEvent" ("actorType", action, "entityType", "entityId", details)
    VALUES ('ANONYMOUS', 'submission.received', 'Submission', v_submission::text, jsonb_build_object(
      'formId', p_form_id,
      'customerId', v_customer,
      'customerCreated', v_created,
      'changedFields', to_jsonb(v_changed),
      'consents', CASE WHEN v_customer IS NULL THEN '[]'::jsonb
                       ELSE coalesce((SELECT jsonb_agg(c->>'key') FROM jsonb_array_elements(p_consents) AS c), '[]'::jsonb) END));

  RETURN QUERY SELECT v_submission, v_customer, false, NULL::text, NULL::int;
END
$$;

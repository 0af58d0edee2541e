-- A form submission recorded in one statement: rate limits, idempotency, the customer, consent per purpose.
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.record_submission(p_form_id uuid, p_idempotency_key text, p_fields jsonb, p_answers jsonb, p_locale "Locale", p_ip text, p_ip_key text, p_payload_hash text, p_user_agent text, p_source text, p_policy_version_id uuid, p_consents jsonb, p_ip_limit integer, p_ip_window integer, p_form_limit integer, p_form_window integer, p_confirm_days integer)
 RETURNS TABLE(submission_id uuid, customer_id uuid, duplicate boolean, limited text, retry_after integer, confirmation_required boolean, confirmation_queued boolean)
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_submission uuid;
  v_customer uuid;
  v_created boolean := false;
  v_existing "Customer"%ROWTYPE;
  v_match text;
  v_proposed jsonb := '{}';
  v_pending jsonb := '[]';
  v_effective jsonb := '[]';
  v_now timestamp := now() AT TIME ZONE 'UTC';
  v_count int;
  v_oldest timestamp;
  v_status "ConfirmationStatus";
  v_hash text;
  f text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('submission:' || p_form_id || ':' || p_idempotency_key, 0));
  SELECT s.id, s."customerId", s."confirmationStatus", s."payloadHash" INTO v_submission, v_customer, v_status, v_hash
    FROM "Submission" s WHERE s."formId" = p_form_id AND s."idempotencyKey" = p_idempotency_key;
  -- The key names one submission: the same key with something else sent is not a retry, and is
  -- refused rather than answered as if it had been recorded.
  IF FOUND AND v_hash IS DISTINCT FROM p_payload_hash AND v_hash IS NOT NULL THEN
    RETURN QUERY SELECT NULL::uuid, NULL::uuid, true, 'key_reused'::text, NULL::int, false, false;
    RETURN;
  END IF;
  IF FOUND THEN
    RETURN QUERY SELECT v_submission, v_customer, true, NULL::text, NULL::int,
      coalesce(p_fields->>'email', '') <> '' AND EXISTS (SELECT 1 FROM jsonb_array_elements(p_consents) c WHERE NOT coalesce((c->>'immediate')::boolean, false)), false;
    RETURN;
  END IF;

  -- Per address (an IPv6 /64 counts as one) and form: one submission at a time is counted, so a
  -- burst of parallel requests cannot all pass the same count.
  IF p_ip_limit > 0 THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('submission-ip:' || p_form_id || ':' || p_ip_key, 0));
  END IF;
  SELECT count(*), min(t."createdAt") INTO v_count, v_oldest FROM (
    SELECT s."createdAt" FROM "Submission" s
    WHERE p_ip_limit > 0 AND s."formId" = p_form_id AND s."ipKey" = p_ip_key AND s."createdAt" > v_now - make_interval(secs => p_ip_window)
    ORDER BY s."createdAt" DESC LIMIT p_ip_limit) t;
  -- Refused (invalid) tries from this address count too (lib/submissions counts them in a bucket).
  IF p_ip_limit > 0 THEN
    v_count := v_count + coalesce((SELECT b.count FROM "RateLimitBucket" b
      WHERE b.key = 'form-invalid:' || p_form_id || ':' || p_ip_key AND b."resetAt" > now()), 0);
  END IF;
  IF p_ip_limit > 0 AND v_count >= p_ip_limit THEN
    RETURN QUERY SELECT NULL::uuid, NULL::uuid, false, 'ip'::text,
      greatest(1, ceil(extract(epoch FROM v_oldest + make_interval(secs => p_ip_window) - v_now)))::int, false, false;
    RETURN;
  END IF;
  SELECT count(*), min(t."createdAt") INTO v_count, v_oldest FROM (
    SELECT s."createdAt" FROM "Submission" s
    WHERE p_form_limit > 0 AND s."formId" = p_form_id AND s."createdAt" > v_now - make_interval(secs => p_form_window)
    ORDER BY s."createdAt" DESC LIMIT p_form_limit) t;
  IF p_form_limit > 0 AND v_count >= p_form_limit THEN
    RETURN QUERY SELECT NULL::uuid, NULL::uuid, false, 'form'::text,
      greatest(1, ceil(extract(epoch FROM v_oldest + make_interval(secs => p_form_window) - v_now)))::int, false, false;
    RETURN;
  END IF;

  -- The same person: by normalised email, or by phone when no email is given (erased records never match).
  v_match := CASE WHEN coalesce(p_fields->>'email', '') <> '' THEN 'email:' || (p_fields->>'email')
                  WHEN coalesce(p_fields->>'phone', '') <> '' THEN 'phone:' || (p_fields->>'phone') END;
  IF v_match IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('customer:' || v_match, 0));
    IF coalesce(p_fields->>'email', '') <> '' THEN
      SELECT * INTO v_existing FROM "Customer" c
        WHERE c.email = p_fields->>'email' AND c.status <> 'ERASED' ORDER BY c."createdAt" LIMIT 1;
    ELSE
      SELECT * INTO v_existing FROM "Customer" c
        WHERE c.phone = p_fields->>'phone' AND c.status <> 'ERASED' ORDER BY c."createdAt" LIMIT 1;
    END IF;
    IF FOUND THEN
      v_customer := v_existing.id;
      FOREACH f IN ARRAY ARRAY['fullName', 'email', 'phone', 'address', 'organization'] LOOP
        IF coalesce(p_fields->>f, '') <> '' AND (to_jsonb(v_existing)->>f) IS DISTINCT FROM p_fields->>f THEN
          v_proposed := v_proposed || jsonb_build_object(f, p_fields->>f);
        END IF;
      END LOOP;
    ELSE
      INSERT INTO "Customer" ("fullName", email, phone, address, organization, locale, source, "updatedAt")
        VALUES (nullif(p_fields->>'fullName', ''), nullif(p_fields->>'email', ''), nullif(p_fields->>'phone', ''),
                nullif(p_fields->>'address', ''), nullif(p_fields->>'organization', ''), p_locale, p_source, now())
        RETURNING "Customer".id INTO v_customer;
      v_created := true;
    END IF;
  END IF;

  IF v_customer IS NOT NULL THEN
    -- Immediate purposes (answering the person's own inquiry) take effect now for a person this
    -- submission put in the register. On a record already there, whoever typed its email or phone
    -- may not be its owner: they wait for the owner like any other purpose (the emailed
    -- confirmation; staff where there is no email), a lapsed or withdrawn consent included. One the
    -- record already holds needs nothing.
    SELECT coalesce(jsonb_agg(c) FILTER (WHERE coalesce((c->>'immediate')::boolean, false) AND v_created), '[]'),
           coalesce(jsonb_agg(c - 'immediate') FILTER (WHERE NOT (coalesce((c->>'immediate')::boolean, false)
             AND (v_created OR coalesce(st.action::text, '') = 'GRANTED'))), '[]')
      INTO v_effective, v_pending
      FROM jsonb_array_elements(p_consents) AS c
      LEFT JOIN "ConsentState" st ON st."customerId" = v_customer AND st."purposeId" = (c->>'purposeId')::uuid;
  END IF;

  INSERT INTO "Submission" ("formId", "customerId", fields, answers, locale, "idempotencyKey", "payloadHash", ip, "ipKey", "userAgent", "createdAt",
                            "pendingConsents", "proposedChanges", "proposalStatus", "confirmationStatus", "confirmExpiresAt")
    VALUES (p_form_id, v_customer, p_fields, p_answers, p_locale, p_idempotency_key, p_payload_hash, p_ip, p_ip_key, p_user_agent, v_now,
            v_pending,
            CASE WHEN v_proposed = '{}' THEN NULL ELSE v_proposed END,
            CASE WHEN v_proposed = '{}' THEN NULL ELSE 'PENDING'::"ProposalStatus" END,
            -- Only the owner of an email address can confirm; without one, staff decide.
            CASE WHEN coalesce(p_fields->>'email', '') <> '' AND (v_pending <> '[]' OR v_proposed <> '{}') THEN 'PENDING'::"ConfirmationStatus" END,
            CASE WHEN coalesce(p_fields->>'email', '') <> '' AND (v_pending <> '[]' OR v_proposed <> '{}') THEN v_now + make_interval(days => p_confirm_days) END)
    RETURNING id INTO v_submission;

  IF jsonb_array_length(v_effective) > 0 THEN
    INSERT INTO "ConsentEvent" ("customerId", "purposeId", action, source, "policyVersionId", wording, locale,
                                "formId", "submissionId", ip, "userAgent", evidence)
      SELECT v_customer, (c->>'purposeId')::uuid, 'GRANTED', 'FORM', p_policy_version_id, c->>'wording', p_locale,
             p_form_id, v_submission, p_ip, p_user_agent, (c->'evidence') || jsonb_build_object('confirmation', 'not_required')
      FROM jsonb_array_elements(v_effective) AS c;
  END IF;

  -- The visitor's IP stays on the submission (erasable), not in the permanent audit chain.
  INSERT INTO "AuditEvent" ("actorType", action, "entityType", "entityId", details)
    VALUES ('ANONYMOUS', 'submission.received', 'Submission', v_submission::text, jsonb_build_object(
      'formId', p_form_id,
      'customerId', v_customer,
      'customerCreated', v_created,
      'proposedFields', (SELECT coalesce(jsonb_agg(k), '[]'::jsonb) FROM jsonb_object_keys(v_proposed) AS k),
      'consents', (SELECT coalesce(jsonb_agg(c->>'key'), '[]'::jsonb) FROM jsonb_array_elements(v_effective) AS c),
      'pendingConsents', (SELECT coalesce(jsonb_agg(c->>'key'), '[]'::jsonb) FROM jsonb_array_elements(v_pending) AS c)));

  -- What the visitor is told depends only on what was sent (never on whether the address is already a
  -- customer); whether a confirmation was queued only wakes the job that sends it.
  -- ("We emailed you" only when there is an address to email.)
  RETURN QUERY SELECT v_submission, v_customer, false, NULL::text, NULL::int,
    coalesce(p_fields->>'email', '') <> '' AND EXISTS (SELECT 1 FROM jsonb_array_elements(p_consents) c WHERE NOT coalesce((c->>'immediate')::boolean, false)),
    coalesce(p_fields->>'email', '') <> '' AND (v_pending <> '[]' OR v_proposed <> '{}');
END
$function$;

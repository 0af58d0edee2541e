-- SQL rules changed in their source files

-- From lib/webhooks/sql/events.sql
-- Webhook events are written in the same transaction as the change they report, one delivery per listening endpoint.
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.webhook_emit(event_type text, payloads jsonb)
 RETURNS void
 LANGUAGE sql
AS $function$
  WITH ev AS (
    INSERT INTO "WebhookEvent" (id, type, payload)
    SELECT gen_random_uuid(), event_type, p FROM jsonb_array_elements(payloads) p
    RETURNING id
  )
  -- An endpoint switched off for failing still gets the events a receiver must act on (an erasure,
  -- an objection to sharing, a merge that retires an id), delivered once it is switched back on; none for an endpoint whose API
  -- key was revoked.
  INSERT INTO "WebhookDelivery" (id, "eventId", "endpointId", "updatedAt")
  SELECT gen_random_uuid(), ev.id, e.id, now() FROM ev CROSS JOIN "WebhookEndpoint" e
  WHERE event_type = ANY (e.events)
    AND (e.enabled OR (e."disabledReason" = 'failing' AND event_type IN ('customer.erased', 'customer.sharing_objected', 'customer.merged')))
    AND NOT EXISTS (SELECT 1 FROM "ApiKey" k WHERE k.id = e."createdByKeyId" AND k."revokedAt" IS NOT NULL)
$function$;

CREATE OR REPLACE FUNCTION public.webhook_listened(event_type text)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$
  SELECT EXISTS (SELECT 1 FROM "WebhookEndpoint"
                 WHERE (enabled OR ("disabledReason" = 'failing' AND event_type IN ('customer.erased', 'customer.sharing_objected', 'customer.merged')))
                   AND event_type = ANY (events))
$function$;

CREATE OR REPLACE FUNCTION public.webhook_submission_created()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF webhook_listened('submission.created') THEN
    PERFORM webhook_emit('submission.created', (
      SELECT jsonb_agg(jsonb_build_object('submissionId', n.id, 'formId', n."formId", 'customerId', n."customerId",
        'locale', n.locale, 'createdAt', to_jsonb(n."createdAt" AT TIME ZONE 'UTC')))
      FROM new_rows n));
  END IF;
  RETURN NULL;
END $function$;

DROP TRIGGER IF EXISTS "webhook_submission_created" ON "Submission";
CREATE TRIGGER webhook_submission_created AFTER INSERT ON "Submission" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_submission_created();

CREATE OR REPLACE FUNCTION public.webhook_consent_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF webhook_listened('consent.changed') THEN
    PERFORM webhook_emit('consent.changed', (
      SELECT jsonb_agg(jsonb_build_object('consentEventId', n.id, 'customerId', n."customerId", 'purpose', p.key,
        'action', n.action, 'source', n.source, 'givenAt', to_jsonb(n."givenAt" AT TIME ZONE 'UTC')))
      FROM new_rows n JOIN "Purpose" p ON p.id = n."purposeId"));
  END IF;
  RETURN NULL;
END $function$;

DROP TRIGGER IF EXISTS "webhook_consent_changed" ON "ConsentEvent";
CREATE TRIGGER webhook_consent_changed AFTER INSERT ON "ConsentEvent" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_consent_changed();

CREATE OR REPLACE FUNCTION public.webhook_privacy_request()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF webhook_listened('privacy_request.created') THEN
      PERFORM webhook_emit('privacy_request.created', jsonb_build_array(jsonb_build_object('requestId', NEW.id, 'number', NEW.number,
        'type', NEW.type, 'channel', NEW.channel, 'customerId', NEW."customerId", 'dueAt', to_jsonb(NEW."dueAt" AT TIME ZONE 'UTC'))));
    END IF;
  ELSIF webhook_listened('privacy_request.completed') THEN
    PERFORM webhook_emit('privacy_request.completed', jsonb_build_array(jsonb_build_object('requestId', NEW.id, 'number', NEW.number,
      'type', NEW.type, 'status', NEW.status, 'customerId', NEW."customerId", 'completedAt', to_jsonb(coalesce(NEW."completedAt", now()) AT TIME ZONE 'UTC'))));
  END IF;
  RETURN NULL;
END $function$;

DROP TRIGGER IF EXISTS "webhook_privacy_request_completed" ON "PrivacyRequest";
CREATE TRIGGER webhook_privacy_request_completed AFTER UPDATE OF status ON "PrivacyRequest" FOR EACH ROW WHEN (((old.status IS DISTINCT FROM new.status) AND (new.status = ANY (ARRAY['COMPLETED'::"PrivacyRequestStatus", 'REJECTED'::"PrivacyRequestStatus"])))) EXECUTE FUNCTION webhook_privacy_request();

DROP TRIGGER IF EXISTS "webhook_privacy_request_created" ON "PrivacyRequest";
CREATE TRIGGER webhook_privacy_request_created AFTER INSERT ON "PrivacyRequest" FOR EACH ROW EXECUTE FUNCTION webhook_privacy_request();

CREATE OR REPLACE FUNCTION public.webhook_disclosure_approved()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF webhook_listened('disclosure.approved') THEN
    PERFORM webhook_emit('disclosure.approved', jsonb_build_array(jsonb_build_object('disclosureId', NEW.id,
      'recipientId', NEW."recipientId", 'fields', to_jsonb(NEW.fields), 'customers', NEW."itemsIncluded",
      'approvedAt', to_jsonb(coalesce(NEW."approvedAt", now()) AT TIME ZONE 'UTC'))));
  END IF;
  RETURN NULL;
END $function$;

-- Once, when it is approved (not again when a failed first download gives DELIVERED back), and never
-- for a confidential authority request: the API never lists those either.
DROP TRIGGER IF EXISTS "webhook_disclosure_approved" ON "Disclosure";
CREATE TRIGGER webhook_disclosure_approved AFTER UPDATE OF status ON "Disclosure" FOR EACH ROW WHEN (((old.status = 'PENDING_APPROVAL'::"DisclosureStatus") AND (new.status = 'APPROVED'::"DisclosureStatus") AND (NOT new.confidential))) EXECUTE FUNCTION webhook_disclosure_approved();

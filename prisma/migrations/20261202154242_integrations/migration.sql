-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "RecipientNoticeKind" AS ENUM ('STOP', 'ERASE');

-- CreateEnum
CREATE TYPE "LeadNotifyMode" AS ENUM ('IMMEDIATE', 'HOURLY');

-- AlterEnum
ALTER TYPE "ConsentSource" ADD VALUE 'API';

-- AlterTable
ALTER TABLE "Recipient" ADD COLUMN     "contactEmail" TEXT;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "answeredAt" TIMESTAMP(3),
ADD COLUMN     "answeredById" UUID;

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "rateLimitPerMinute" INTEGER NOT NULL DEFAULT 120,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedById" UUID,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "events" TEXT[],
    "secret" TEXT NOT NULL,
    "secretHint" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,
    "failingSince" TIMESTAMP(3),
    "createdById" UUID,
    "createdByKeyId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "eventId" UUID NOT NULL,
    "endpointId" UUID NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "retryFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" BIGSERIAL NOT NULL,
    "deliveryId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,
    "replayedBy" TEXT,

    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecipientNotice" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "recipientId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "kind" "RecipientNoticeKind" NOT NULL,
    "itemId" UUID NOT NULL,
    "disclosureId" UUID NOT NULL,
    "emailMessageId" UUID,
    "queuedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecipientNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FormWatcher" (
    "formId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "mode" "LeadNotifyMode" NOT NULL,
    "notifiedUpTo" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormWatcher_pkey" PRIMARY KEY ("formId","userId")
);

-- CreateTable
CREATE TABLE "SubmissionView" (
    "formId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubmissionView_pkey" PRIMARY KEY ("formId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE INDEX "ApiKey_createdAt_idx" ON "ApiKey"("createdAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_createdAt_idx" ON "WebhookEvent"("createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_eventId_endpointId_key" ON "WebhookDelivery"("eventId", "endpointId");

-- CreateIndex
CREATE INDEX "WebhookAttempt_deliveryId_at_idx" ON "WebhookAttempt"("deliveryId", "at");

-- CreateIndex
CREATE INDEX "RecipientNotice_customerId_idx" ON "RecipientNotice"("customerId");

-- CreateIndex
CREATE INDEX "RecipientNotice_queuedAt_idx" ON "RecipientNotice"("queuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecipientNotice_itemId_kind_key" ON "RecipientNotice"("itemId", "kind");

-- CreateIndex
CREATE INDEX "FormWatcher_userId_idx" ON "FormWatcher"("userId");

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "WebhookEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ── Webhook events, written by triggers in the same transaction as the change ────────────────────
-- An event is stored only when some enabled endpoint listens for it, with one delivery row per such
-- endpoint; the webhook job sends them. Payloads carry ids and no more personal data than that.
CREATE FUNCTION webhook_emit(event_type text, payloads jsonb) RETURNS void LANGUAGE sql AS $$
  WITH ev AS (
    INSERT INTO "WebhookEvent" (id, type, payload)
    SELECT gen_random_uuid(), event_type, p FROM jsonb_array_elements(payloads) p
    RETURNING id
  )
  INSERT INTO "WebhookDelivery" (id, "eventId", "endpointId", "updatedAt")
  SELECT gen_random_uuid(), ev.id, e.id, now() FROM ev CROSS JOIN "WebhookEndpoint" e
  WHERE e.enabled AND event_type = ANY (e.events)
$$;

CREATE FUNCTION webhook_listened(event_type text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM "WebhookEndpoint" WHERE enabled AND event_type = ANY (events))
$$;

CREATE FUNCTION webhook_submission_created() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF webhook_listened('submission.created') THEN
    PERFORM webhook_emit('submission.created', (
      SELECT jsonb_agg(jsonb_build_object('submissionId', n.id, 'formId', n."formId", 'customerId', n."customerId",
        'locale', n.locale, 'createdAt', to_jsonb(n."createdAt" AT TIME ZONE 'UTC')))
      FROM new_rows n));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER webhook_submission_created AFTER INSERT ON "Submission"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_submission_created();

CREATE FUNCTION webhook_consent_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF webhook_listened('consent.changed') THEN
    PERFORM webhook_emit('consent.changed', (
      SELECT jsonb_agg(jsonb_build_object('consentEventId', n.id, 'customerId', n."customerId", 'purpose', p.key,
        'action', n.action, 'source', n.source, 'givenAt', to_jsonb(n."givenAt" AT TIME ZONE 'UTC')))
      FROM new_rows n JOIN "Purpose" p ON p.id = n."purposeId"));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER webhook_consent_changed AFTER INSERT ON "ConsentEvent"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_consent_changed();

CREATE FUNCTION webhook_privacy_request() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$;
CREATE TRIGGER webhook_privacy_request_created AFTER INSERT ON "PrivacyRequest"
  FOR EACH ROW EXECUTE FUNCTION webhook_privacy_request();
CREATE TRIGGER webhook_privacy_request_completed AFTER UPDATE OF status ON "PrivacyRequest"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.status IN ('COMPLETED', 'REJECTED'))
  EXECUTE FUNCTION webhook_privacy_request();

CREATE FUNCTION webhook_disclosure_approved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF webhook_listened('disclosure.approved') THEN
    PERFORM webhook_emit('disclosure.approved', jsonb_build_array(jsonb_build_object('disclosureId', NEW.id,
      'recipientId', NEW."recipientId", 'fields', to_jsonb(NEW.fields), 'customers', NEW."itemsIncluded",
      'approvedAt', to_jsonb(coalesce(NEW."approvedAt", now()) AT TIME ZONE 'UTC'))));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER webhook_disclosure_approved AFTER UPDATE OF status ON "Disclosure"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.status = 'APPROVED')
  EXECUTE FUNCTION webhook_disclosure_approved();

-- ── Passing changes on to earlier recipients ──────────────────────────────────────────────────────
-- One notice row per (package row, kind): every row of an approved disclosure that holds the customer.
-- The job emails each recipient once per change, covering all its rows, as soon as the recipient has
-- a notice address (rows wait for one). A row told STOP once is not told STOP again, but a later
-- disclosure's row is. An objection or a withdrawal does not bind an authority acting on a legal
-- request (nothing is asked of it); an erasure is told to everyone.
CREATE FUNCTION queue_recipient_notices(customer_ids uuid[], notice_kind "RecipientNoticeKind", categories "RecipientCategory"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "RecipientNotice" (id, "recipientId", "customerId", kind, "itemId", "disclosureId")
  SELECT gen_random_uuid(), d."recipientId", i."customerId", notice_kind, i.id, d.id
  FROM "DisclosureItem" i
  JOIN "Disclosure" d ON d.id = i."disclosureId" AND d.status IN ('APPROVED', 'DELIVERED')
  JOIN "Recipient" r ON r.id = d."recipientId" AND r.category = ANY (categories)
  WHERE i."customerId" = ANY (customer_ids) AND i.included
  ON CONFLICT ("itemId", kind) DO NOTHING
$$;

CREATE FUNCTION customer_changes_passed_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'ERASED' AND OLD.status IS DISTINCT FROM 'ERASED' THEN
    PERFORM queue_recipient_notices(ARRAY[NEW.id], 'ERASE', ARRAY['ADVERTISING', 'SHIPPING', 'AUTHORITY']::"RecipientCategory"[]);
    IF webhook_listened('customer.erased') THEN
      PERFORM webhook_emit('customer.erased', jsonb_build_array(jsonb_build_object('customerId', NEW.id)));
    END IF;
  ELSIF NEW."sharingObjectedAt" IS NOT NULL AND OLD."sharingObjectedAt" IS NULL THEN
    PERFORM queue_recipient_notices(ARRAY[NEW.id], 'STOP', ARRAY['ADVERTISING', 'SHIPPING']::"RecipientCategory"[]);
    IF webhook_listened('customer.sharing_objected') THEN
      PERFORM webhook_emit('customer.sharing_objected', jsonb_build_array(jsonb_build_object('customerId', NEW.id,
        'objectedAt', to_jsonb(NEW."sharingObjectedAt" AT TIME ZONE 'UTC'))));
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER customer_changes_passed_on AFTER UPDATE OF status, "sharingObjectedAt" ON "Customer"
  FOR EACH ROW WHEN ((NEW.status = 'ERASED' AND OLD.status IS DISTINCT FROM 'ERASED')
    OR (NEW."sharingObjectedAt" IS NOT NULL AND OLD."sharingObjectedAt" IS NULL))
  EXECUTE FUNCTION customer_changes_passed_on();

-- Advertising partners received the data on the strength of the advertising consent: withdrawing
-- it tells them to stop.
CREATE FUNCTION advertising_withdrawal_passed_on() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE withdrawn uuid[];
BEGIN
  SELECT array_agg(n."customerId") INTO withdrawn FROM new_rows n JOIN "Purpose" p ON p.id = n."purposeId"
  WHERE n.action = 'WITHDRAWN' AND p.key = 'advertising';
  IF withdrawn IS NOT NULL THEN
    PERFORM queue_recipient_notices(withdrawn, 'STOP', ARRAY['ADVERTISING']::"RecipientCategory"[]);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER advertising_withdrawal_passed_on AFTER INSERT ON "ConsentEvent"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION advertising_withdrawal_passed_on();

-- ── One consent wording ───────────────────────────────────────────────────────────────────────────
-- The words a consent was given to, for the SQL paths (the CSV import). Its TypeScript twin is
-- lib/consent/wording.ts; tests/rules-agree.test.ts checks they agree.
CREATE FUNCTION consent_wording(label_vi text, description_vi text, label_en text, description_en text, locale "Locale")
  RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN locale = 'en' THEN label_en || ': ' || description_en ELSE label_vi || ': ' || description_vi END
$$;

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
           consent_wording(pu."labelVi", pu."descriptionVi", pu."labelEn", pu."descriptionEn", cu.locale),
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

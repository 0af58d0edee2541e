-- An objection, a withdrawn or lapsed advertising consent or an erasure queues a notice to every recipient who received the person's data.
-- (Lapsed: given under wording a material policy change replaced; it no longer covers what the partner does with the data.)
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.queue_recipient_notices(customer_ids uuid[], notice_kind "RecipientNoticeKind", categories "RecipientCategory"[])
 RETURNS void
 LANGUAGE sql
AS $function$
  INSERT INTO "RecipientNotice" (id, "recipientId", "customerId", kind, "itemId", "disclosureId")
  SELECT gen_random_uuid(), d."recipientId", i."customerId", notice_kind, i.id, d.id
  FROM "DisclosureItem" i
  JOIN "Disclosure" d ON d.id = i."disclosureId" AND d.status IN ('APPROVED', 'DELIVERED')
  JOIN "Recipient" r ON r.id = d."recipientId" AND r.category = ANY (categories)
  -- Everyone in the list, and anyone left out only after the package first went out (they were in it).
  WHERE i."customerId" = ANY (customer_ids) AND (i.included OR i."excludedAt" > d."firstDeliveredAt")
  ON CONFLICT ("itemId", kind) DO NOTHING
$function$;

CREATE OR REPLACE FUNCTION public.customer_changes_passed_on()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
END $function$;

DROP TRIGGER IF EXISTS "customer_changes_passed_on" ON "Customer";
CREATE TRIGGER customer_changes_passed_on AFTER UPDATE OF status, "sharingObjectedAt" ON "Customer" FOR EACH ROW WHEN ((((new.status = 'ERASED'::"CustomerStatus") AND (old.status IS DISTINCT FROM 'ERASED'::"CustomerStatus")) OR ((new."sharingObjectedAt" IS NOT NULL) AND (old."sharingObjectedAt" IS NULL)))) EXECUTE FUNCTION customer_changes_passed_on();

CREATE OR REPLACE FUNCTION public.advertising_withdrawal_passed_on()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE withdrawn uuid[];
BEGIN
  SELECT array_agg(n."customerId") INTO withdrawn FROM new_rows n JOIN "Purpose" p ON p.id = n."purposeId"
  WHERE n.action IN ('WITHDRAWN', 'LAPSED') AND p.key = 'advertising';
  IF withdrawn IS NOT NULL THEN
    PERFORM queue_recipient_notices(withdrawn, 'STOP', ARRAY['ADVERTISING']::"RecipientCategory"[]);
  END IF;
  RETURN NULL;
END $function$;

DROP TRIGGER IF EXISTS "advertising_withdrawal_passed_on" ON "ConsentEvent";
CREATE TRIGGER advertising_withdrawal_passed_on AFTER INSERT ON "ConsentEvent" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION advertising_withdrawal_passed_on();

-- Each customer's current consent per purpose (ConsentState) follows from the consent events, kept in step by a statement trigger.
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.consent_state_apply()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO "ConsentState" ("customerId", "purposeId", action, "eventId", "givenAt")
  SELECT DISTINCT ON ("customerId", "purposeId") "customerId", "purposeId", action, id, "givenAt"
  FROM new_events
  ORDER BY "customerId", "purposeId", "givenAt" DESC, "createdAt" DESC, id DESC
  ON CONFLICT ("customerId", "purposeId") DO UPDATE
    SET action = EXCLUDED.action, "eventId" = EXCLUDED."eventId", "givenAt" = EXCLUDED."givenAt"
    WHERE "ConsentState"."givenAt" <= EXCLUDED."givenAt";
  RETURN NULL;
END
$function$;

DROP TRIGGER IF EXISTS "ConsentEvent_state" ON "ConsentEvent";
CREATE TRIGGER "ConsentEvent_state" AFTER INSERT ON "ConsentEvent" REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION consent_state_apply();

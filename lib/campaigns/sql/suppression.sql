-- The suppression list keeps a hash of an address, never the address; a person's own new consent lifts their unsubscribe.
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.email_hash(address text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ SELECT encode(sha256(convert_to(lower(trim(address)), 'UTF8')), 'hex') $function$;

CREATE OR REPLACE FUNCTION public.lift_unsubscribe()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF NEW.action = 'GRANTED' AND NEW.source IN ('FORM', 'SELF_SERVICE')
     AND EXISTS (SELECT 1 FROM "Purpose" p WHERE p.id = NEW."purposeId" AND p.key IN ('promotions_events', 'advertising')) THEN
    DELETE FROM "Suppression" x USING "Customer" c
    WHERE c.id = NEW."customerId" AND c.email IS NOT NULL AND x.reason = 'UNSUBSCRIBED'
      AND x."emailHash" = email_hash(c.email);
  END IF;
  RETURN NEW;
END $function$;

DROP TRIGGER IF EXISTS "ConsentEvent_lift_unsubscribe" ON "ConsentEvent";
CREATE TRIGGER "ConsentEvent_lift_unsubscribe" AFTER INSERT ON "ConsentEvent" FOR EACH ROW WHEN (((new.action = 'GRANTED'::"ConsentAction") AND (new.source = ANY (ARRAY['FORM'::"ConsentSource", 'SELF_SERVICE'::"ConsentSource"])))) EXECUTE FUNCTION lift_unsubscribe();

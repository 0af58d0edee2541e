-- The legal deadlines per kind of request must make sense.
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.request_rule_valid()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF NEW."acknowledgePeriod" <= 0 OR NEW."completePeriod" <= 0 OR NEW."extensionPeriod" < 0
     OR (NEW."thirdPartyPeriod" IS NOT NULL AND NEW."thirdPartyPeriod" < NEW."completePeriod") THEN
    RAISE EXCEPTION 'request rule %: periods must be positive and a third party may not shorten the clock', NEW.type
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $function$;

DROP TRIGGER IF EXISTS "request_rule_valid" ON "RequestRule";
CREATE TRIGGER request_rule_valid BEFORE INSERT OR UPDATE ON "RequestRule" FOR EACH ROW EXECUTE FUNCTION request_rule_valid();

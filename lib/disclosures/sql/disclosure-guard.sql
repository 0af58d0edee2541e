-- What may go to each kind of recipient, enforced by the database whatever the code asks; lib/disclosures/rules.ts is the TypeScript twin.
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.disclosure_allowed_fields(category "RecipientCategory")
 RETURNS text[]
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT CASE category
    WHEN 'ADVERTISING' THEN ARRAY['fullName', 'address']
    WHEN 'SHIPPING' THEN ARRAY['fullName', 'phone', 'address', 'reference']
    WHEN 'AUTHORITY' THEN ARRAY['fullName', 'email', 'phone', 'address', 'organization']
  END $function$;

CREATE OR REPLACE FUNCTION public.disclosure_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_category "RecipientCategory";
BEGIN
  SELECT category INTO v_category FROM "Recipient" WHERE id = NEW."recipientId";
  IF NOT (NEW.fields <@ disclosure_allowed_fields(v_category)) THEN
    RAISE EXCEPTION 'fields % are not allowed for % recipients', NEW.fields, v_category USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."approvedById" IS NOT NULL AND NEW."approvedById" = NEW."preparedById" AND v_category <> 'SHIPPING' THEN
    RAISE EXCEPTION 'a % disclosure needs approval by someone other than its preparer', v_category USING ERRCODE = 'check_violation';
  END IF;
  IF v_category = 'AUTHORITY' AND (NEW."agencyName" IS NULL OR NEW."documentNumber" IS NULL OR NEW."documentDate" IS NULL) THEN
    RAISE EXCEPTION 'an authority disclosure needs the agency, document number and date' USING ERRCODE = 'check_violation';
  END IF;
  IF v_category = 'SHIPPING' AND (coalesce(NEW.reference, '') = '' OR NEW.selection ->> 'kind' IS DISTINCT FROM 'ids'
                                  OR jsonb_array_length(coalesce(NEW.selection -> 'ids', '[]')) > 500) THEN
    RAISE EXCEPTION 'a shipping disclosure names its shipment and at most 500 customers of it' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$function$;

DROP TRIGGER IF EXISTS "Disclosure_guard" ON "Disclosure";
CREATE TRIGGER "Disclosure_guard" BEFORE INSERT OR UPDATE ON "Disclosure" FOR EACH ROW EXECUTE FUNCTION disclosure_guard();

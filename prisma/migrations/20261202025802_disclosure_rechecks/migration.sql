-- AlterTable
ALTER TABLE "DisclosureItem" ADD COLUMN     "excludedAt" TIMESTAMP(3);

-- Hand-written: a shipment goes to named customers for one shipment, never to a register filter.
CREATE OR REPLACE FUNCTION disclosure_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
$$;

-- Hand-written: what the privacy policy allows each kind of recipient to receive, enforced by the
-- database itself, together with the four-eyes rule. lib/disclosures checks the same rules first to
-- give a clear message; this makes a disclosure beyond the policy impossible, not just discouraged.
CREATE FUNCTION disclosure_allowed_fields(category "RecipientCategory") RETURNS text[]
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE category
    WHEN 'ADVERTISING' THEN ARRAY['fullName', 'address']
    WHEN 'SHIPPING' THEN ARRAY['fullName', 'phone', 'address', 'reference']
    WHEN 'AUTHORITY' THEN ARRAY['fullName', 'email', 'phone', 'address', 'organization']
  END $$;

CREATE FUNCTION disclosure_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
  RETURN NEW;
END
$$;

CREATE TRIGGER "Disclosure_guard" BEFORE INSERT OR UPDATE ON "Disclosure"
  FOR EACH ROW EXECUTE FUNCTION disclosure_guard();

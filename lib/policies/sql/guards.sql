-- A published policy version and a sent notice cannot be changed.
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.policy_version_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'DRAFT' THEN
      RAISE EXCEPTION 'policy version % is % and cannot be deleted', OLD.number, OLD.status USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'DRAFT' THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'SCHEDULED' AND NEW.status = 'PUBLISHED'
     AND (to_jsonb(NEW) - 'status' - 'updatedAt') = (to_jsonb(OLD) - 'status' - 'updatedAt') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'policy version % is % and cannot be changed; publish a new version instead', OLD.number, OLD.status
    USING ERRCODE = 'insufficient_privilege';
END
$function$;

DROP TRIGGER IF EXISTS "PolicyVersion_guard" ON "PolicyVersion";
CREATE TRIGGER "PolicyVersion_guard" BEFORE DELETE OR UPDATE ON "PolicyVersion" FOR EACH ROW EXECUTE FUNCTION policy_version_guard();

CREATE OR REPLACE FUNCTION public.policy_notice_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'sentAt') = (to_jsonb(OLD) - 'sentAt') AND OLD."sentAt" IS NULL THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('customer_register.merging', true) = 'on'
     AND (to_jsonb(NEW) - 'customerId') = (to_jsonb(OLD) - 'customerId') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND current_setting('customer_register.merging', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'PolicyNotice is evidence: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$function$;

DROP TRIGGER IF EXISTS "PolicyNotice_guard" ON "PolicyNotice";
CREATE TRIGGER "PolicyNotice_guard" BEFORE DELETE OR UPDATE ON "PolicyNotice" FOR EACH ROW EXECUTE FUNCTION policy_notice_guard();

-- History is never rewritten: audit and consent events can be neither changed nor deleted, except for the narrow exceptions the function names (merges, erasure).
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.reject_history_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  -- Nested IFs: the ConsentEvent columns may only be read when the row is a ConsentEvent.
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'ConsentEvent' THEN
    IF current_setting('customer_register.merging', true) = 'on'
       AND (to_jsonb(NEW) - 'customerId' - 'mergedFromId') = (to_jsonb(OLD) - 'customerId' - 'mergedFromId')
       AND to_jsonb(NEW) ->> 'mergedFromId' = coalesce(to_jsonb(OLD) ->> 'mergedFromId', to_jsonb(OLD) ->> 'customerId') THEN
      RETURN NEW;
    END IF;
    IF current_setting('customer_register.erasing', true) = 'on'
       AND (to_jsonb(NEW) - 'ip' - 'userAgent' - 'evidence') = (to_jsonb(OLD) - 'ip' - 'userAgent' - 'evidence')
       AND to_jsonb(NEW) ->> 'ip' IS NULL AND to_jsonb(NEW) ->> 'userAgent' IS NULL
       AND NOT coalesce((to_jsonb(NEW) -> 'evidence') ?| ARRAY['ip', 'userAgent', 'note'], false) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$function$;

DROP TRIGGER IF EXISTS "AuditEvent_append_only" ON "AuditEvent";
CREATE TRIGGER "AuditEvent_append_only" BEFORE DELETE OR UPDATE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION reject_history_change();

DROP TRIGGER IF EXISTS "AuditEvent_no_truncate" ON "AuditEvent";
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent" FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

DROP TRIGGER IF EXISTS "ConsentEvent_append_only" ON "ConsentEvent";
CREATE TRIGGER "ConsentEvent_append_only" BEFORE DELETE OR UPDATE ON "ConsentEvent" FOR EACH ROW EXECUTE FUNCTION reject_history_change();

DROP TRIGGER IF EXISTS "ConsentEvent_no_truncate" ON "ConsentEvent";
CREATE TRIGGER "ConsentEvent_no_truncate" BEFORE TRUNCATE ON "ConsentEvent" FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

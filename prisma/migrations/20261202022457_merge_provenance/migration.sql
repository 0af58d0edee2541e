-- AlterTable
ALTER TABLE "ConsentEvent" ADD COLUMN     "mergedFromId" UUID;

-- Hand-written: a merge may move an event to the record that is kept, and must then say whose it
-- was: mergedFromId takes the original record's id (kept through later merges). Nothing else changes.
CREATE OR REPLACE FUNCTION reject_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
$$;

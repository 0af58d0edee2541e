-- Secrets in queued email (sign-in links, one-time codes) are wiped once sent or expired.
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.email_wipe_after_send()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  NEW."to" := '';
  NEW.html := NULL;
  NEW.text := NULL;
  NEW.variables := NULL;
  RETURN NEW;
END
$function$;

DROP TRIGGER IF EXISTS "EmailMessage_wipe_after_send" ON "EmailMessage";
CREATE TRIGGER "EmailMessage_wipe_after_send" BEFORE UPDATE ON "EmailMessage" FOR EACH ROW WHEN ((new."eraseAfterSend" AND ((new.status)::text <> 'QUEUED'::text))) EXECUTE FUNCTION email_wipe_after_send();

CREATE OR REPLACE FUNCTION public.email_wipe_secret()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  NEW.secret := NULL;
  RETURN NEW;
END
$function$;

DROP TRIGGER IF EXISTS "EmailMessage_wipe_secret" ON "EmailMessage";
CREATE TRIGGER "EmailMessage_wipe_secret" BEFORE UPDATE ON "EmailMessage" FOR EACH ROW WHEN (((new.secret IS NOT NULL) AND ((new.status)::text <> 'QUEUED'::text))) EXECUTE FUNCTION email_wipe_secret();

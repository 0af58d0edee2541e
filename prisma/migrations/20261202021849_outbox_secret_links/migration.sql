-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "carriesSecret" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "secret" TEXT;

-- Hand-written: a one-time link lives only while its message waits in the queue. Whatever moves
-- the message on (sent, kept without a provider, failed for good, cancelled), the link goes.
CREATE FUNCTION email_wipe_secret() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.secret := NULL;
  RETURN NEW;
END
$$;

CREATE TRIGGER "EmailMessage_wipe_secret" BEFORE UPDATE ON "EmailMessage"
  FOR EACH ROW WHEN (NEW.secret IS NOT NULL AND NEW.status::text <> 'QUEUED')
  EXECUTE FUNCTION email_wipe_secret();

-- The audit log is a hash chain: each event's digest covers the one before it (npm run audit:verify checks it).
-- The source of these definitions; a change here goes into the next migration (npm run db:migration:create).

CREATE OR REPLACE FUNCTION public.audit_event_digest(prev_hash text, id bigint, created_at timestamp without time zone, actor_type text, actor_id text, actor_label text, action text, entity_type text, entity_id text, ip text, details jsonb)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    prev_hash, id::text, to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US'), actor_type,
    coalesce(actor_id, ''), coalesce(actor_label, ''), action, entity_type,
    coalesce(entity_id, ''), coalesce(ip, ''), details::text), 'UTF8')), 'hex')
$function$;

CREATE OR REPLACE FUNCTION public.audit_event_chain()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(727001);
  NEW.id := nextval(pg_get_serial_sequence('"AuditEvent"', 'id'));
  SELECT "hash" INTO last_hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1;
  NEW."prevHash" := coalesce(last_hash, '');
  NEW."hash" := audit_event_digest(NEW."prevHash", NEW.id, NEW."createdAt", NEW."actorType",
    NEW."actorId", NEW."actorLabel", NEW.action, NEW."entityType", NEW."entityId", NEW.ip, NEW.details);
  RETURN NEW;
END
$function$;

DROP TRIGGER IF EXISTS "AuditEvent_chain" ON "AuditEvent";
CREATE TRIGGER "AuditEvent_chain" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

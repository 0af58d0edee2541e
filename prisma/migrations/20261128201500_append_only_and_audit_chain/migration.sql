-- Hand-written: what the Prisma schema cannot express.

-- Append-only ledgers: the database itself refuses to change history.
CREATE FUNCTION reject_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER "ConsentEvent_append_only" BEFORE UPDATE OR DELETE ON "ConsentEvent"
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER "ConsentEvent_no_truncate" BEFORE TRUNCATE ON "ConsentEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- The audit hash chain. One function computes a row's digest, used by the insert trigger and by
-- the verifier (lib/audit), so both always agree on the canonical form.
CREATE FUNCTION audit_event_digest(
  prev_hash text, id bigint, created_at timestamp, actor_type text, actor_id text, actor_label text,
  action text, entity_type text, entity_id text, ip text, details jsonb
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    prev_hash, id::text, to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US'), actor_type,
    coalesce(actor_id, ''), coalesce(actor_label, ''), action, entity_type,
    coalesce(entity_id, ''), coalesce(ip, ''), details::text), 'UTF8')), 'hex')
$$;

-- Rows are chained in the order they take the lock, and the id is drawn under the same lock, so
-- ordering by id is the chain order even when transactions commit concurrently.
CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
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
$$;

CREATE TRIGGER "AuditEvent_chain" BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

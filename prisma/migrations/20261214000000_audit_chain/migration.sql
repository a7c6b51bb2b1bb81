-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "seq" BIGINT,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "hash" TEXT;

-- The tamper-evident audit trail (docs/decisions/029-tamper-evident-audit.md). Every row is sealed
-- into one hash chain by the database as it is inserted, whoever inserts it (a single create, a
-- createMany of 10,000 rows, plain SQL): seq is its position, prevHash the hash of the row before
-- it (64 zeros for the first) and hash = sha256(prevHash, a newline, the canonical encoding of the
-- row) in lowercase hex. The encoding is reproduced by lib/audit-log/chain.ts, which
-- `npm run audit:verify` uses to recompute every hash: a JSON array of the version tag, seq, id
-- (both as decimal strings), at (ISO 8601 UTC with milliseconds), actorId, actorRole, action,
-- entityType, entityId, districtCode, reason and data as the text of its jsonb (a JSON string), each
-- as to_json renders it (null for SQL NULL), separated by commas without spaces.
CREATE FUNCTION "AuditLog_canonical"(r "AuditLog") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT '[' || concat_ws(',',
    '"anju-audit-v1"',
    coalesce(to_json(r."seq"::text)::text, 'null'),
    coalesce(to_json(r."id"::text)::text, 'null'),
    coalesce(to_json(to_char(r."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, 'null'),
    coalesce(to_json(r."actorId")::text, 'null'),
    coalesce(to_json(r."actorRole"::text)::text, 'null'),
    coalesce(to_json(r."action")::text, 'null'),
    coalesce(to_json(r."entityType")::text, 'null'),
    coalesce(to_json(r."entityId")::text, 'null'),
    coalesce(to_json(r."districtCode"::text)::text, 'null'),
    coalesce(to_json(r."reason")::text, 'null'),
    coalesce(to_json(r."data"::text)::text, 'null')
  ) || ']'
$$;

CREATE FUNCTION "AuditLog_hash"(prev TEXT, r "AuditLog") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(prev || E'\n' || "AuditLog_canonical"(r), 'UTF8')), 'hex')
$$;

-- Rows already written: sealed in id order.
DO $$
DECLARE
  r "AuditLog";
  prev TEXT := repeat('0', 64);
  n BIGINT := 0;
BEGIN
  FOR r IN SELECT * FROM "AuditLog" ORDER BY "id" LOOP
    n := n + 1;
    r."seq" := n;
    r."prevHash" := prev;
    r."hash" := "AuditLog_hash"(prev, r);
    UPDATE "AuditLog" SET "seq" = r."seq", "prevHash" = r."prevHash", "hash" = r."hash" WHERE "id" = r."id";
    prev := r."hash";
  END LOOP;
END;
$$;

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_seq_key" ON "AuditLog"("seq");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- Sealing: under one transaction-level advisory lock (key 29, 1), so that concurrent writers take
-- turns at the head of the chain and cannot fork it; the lock is held until the writer's commit,
-- and the next writer (READ COMMITTED: each statement of this function sees what committed before
-- it) reads the new head. Rows earlier in the same statement are visible here, so a multi-row
-- INSERT chains its own rows in order. Whatever seq, prevHash or hash the writer supplied is
-- replaced. The unique seq is the backstop: a writer that read a stale head fails, it never forks.
CREATE FUNCTION "AuditLog_seal_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq BIGINT;
  head_hash TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(29, 1);
  SELECT a."seq", a."hash" INTO head_seq, head_hash FROM "AuditLog" a
   WHERE a."seq" IS NOT NULL ORDER BY a."seq" DESC LIMIT 1;
  NEW."seq" := coalesce(head_seq, 0) + 1;
  NEW."prevHash" := coalesce(head_hash, repeat('0', 64));
  NEW."hash" := "AuditLog_hash"(NEW."prevHash", NEW);
  RETURN NEW;
END;
$$;

CREATE TRIGGER "AuditLog_seal" BEFORE INSERT ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "AuditLog_seal_trigger"();

-- Append-only: UPDATE, DELETE and TRUNCATE are refused. The table's owner (and a superuser) can
-- still get past a trigger (session_replication_role, ALTER TABLE ... DISABLE TRIGGER); that is
-- what the chain and `npm run audit:verify` are for.
CREATE FUNCTION "AuditLog_append_only_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "AuditLog_append_only_trigger"();

CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "AuditLog_append_only_trigger"();

-- Privileges where the deployment has a separate application role (docs/decisions/029, 034): it
-- may read and append, never change or remove. Here the portal connects as the owner, and the
-- triggers are the guard.
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditLog" FROM PUBLIC;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anju_app') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON "AuditLog" FROM anju_app;
  END IF;
END;
$$;

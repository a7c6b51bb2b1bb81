import type { PrismaClient } from "@/lib/generated/prisma/client";

// Emptying the whole database (the demo after a failed seed, the tests between cases) is the one
// thing allowed to remove audit rows: the append-only trigger refuses TRUNCATE on "AuditLog"
// (docs/decisions/029), so the owner turns it off for this transaction only. A reset is a new
// chain: seq starts again at 1 from the genesis hash.

const SKIP_AUDIT_GUARD = `DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
              WHERE c.relname = 'AuditLog' AND t.tgname = 'AuditLog_no_truncate' AND c.relnamespace = current_schema()::regnamespace) THEN
    ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_no_truncate";
  END IF;
END $$`;

const RESTORE_AUDIT_GUARD = SKIP_AUDIT_GUARD.replace("DISABLE TRIGGER", "ENABLE TRIGGER");

/** TRUNCATE … RESTART IDENTITY CASCADE of `tables` (quoted, schema-qualified names) in one transaction. */
export async function truncateTables(db: PrismaClient, quotedTables: readonly string[]): Promise<void> {
  if (quotedTables.length === 0) return;
  await db.$transaction([
    db.$executeRawUnsafe(SKIP_AUDIT_GUARD),
    db.$executeRawUnsafe(`TRUNCATE TABLE ${quotedTables.join(", ")} RESTART IDENTITY CASCADE`),
    db.$executeRawUnsafe(RESTORE_AUDIT_GUARD),
  ]);
}

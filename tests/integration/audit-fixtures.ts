// Shared by the audit chain's tests and the security suite's edited-row replay (docs/decisions/029).
import { writeAudit } from "@/lib/audit-log/write-audit";
import { withPgClient } from "./db";

/** As the table's owner, past every trigger (session_replication_role = replica). */
export async function asOwnerPastTriggers(sql: string, params: unknown[] = []): Promise<void> {
  await withPgClient(async (client) => {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(sql, params);
    await client.query("COMMIT");
  });
}

/** `n` audit rows, written as services write them. */
export async function writeSome(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await writeAudit({ action: "test.write", entityType: "Test", entityId: String(i), reason: `第${i}条` });
}

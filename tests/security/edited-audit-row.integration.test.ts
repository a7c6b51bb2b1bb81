// The security suite: an audit row edited, deleted or slipped in by the database's owner, past the
// triggers that refuse UPDATE and DELETE, is found by the chain's check (docs/decisions/029).
import { beforeEach, describe, expect, it } from "vitest";
import { asOwnerPastTriggers, writeSome } from "../integration/audit-fixtures";
import { verifyAuditChain } from "@/lib/audit-log/verify";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { prisma, truncateAll } from "../integration/db";

beforeEach(async () => {
  await truncateAll();
});



describe("security: an edited audit row is detected", () => {
  it("finds a row whose reason the owner changed past the triggers, as the first broken link", async () => {
    await writeSome(6);
    const target = await prisma.auditLog.findFirstOrThrow({ where: { seq: 4n } });
    await asOwnerPastTriggers(`UPDATE "AuditLog" SET "reason" = '已改' WHERE "id" = $1`, [target.id]);
    expect((await prisma.auditLog.findFirstOrThrow({ where: { id: target.id } })).reason).toBe("已改");
    const result = await verifyAuditChain(prisma, { pageSize: 2 });
    expect(result).toMatchObject({ ok: false, checked: 3, break: { kind: "content", seq: "4", id: String(target.id), found: target.hash } });
  });

  it("finds data edited inside the JSON, and an edit whose hash was recomputed (at the next row's link)", async () => {
    await writeAudit({ action: "test.data", entityType: "Test", entityId: "d", data: { amountFen: 100 } });
    await writeSome(2);
    await asOwnerPastTriggers(`UPDATE "AuditLog" SET "data" = '{"amountFen": 1}' WHERE "seq" = 1`);
    expect((await verifyAuditChain(prisma)).break).toMatchObject({ kind: "content", seq: "1" });

    await asOwnerPastTriggers(`UPDATE "AuditLog" a SET "hash" = "AuditLog_hash"(a."prevHash", a) WHERE "seq" = 1`);
    expect((await verifyAuditChain(prisma)).break).toMatchObject({ kind: "link", seq: "2" });
  });

  it("reports a row deleted past the triggers as a gap, and a row inserted past them as unsealed", async () => {
    await writeSome(5);
    await asOwnerPastTriggers(`DELETE FROM "AuditLog" WHERE "seq" = 3`);
    const gap = await verifyAuditChain(prisma);
    expect(gap).toMatchObject({ ok: false, checked: 2, break: { kind: "gap", seq: "3", found: "4" } });

    await truncateAll();
    await writeSome(2);
    await asOwnerPastTriggers(`INSERT INTO "AuditLog" ("action", "entityType", "entityId") VALUES ('test.sneaked', 'Test', 'x')`);
    expect((await verifyAuditChain(prisma)).break).toMatchObject({ kind: "unsealed", seq: null });
  });

  it("checks a range of positions, against the row before it", async () => {
    await writeSome(8);
    expect(await verifyAuditChain(prisma, { fromSeq: 3n, toSeq: 6n })).toMatchObject({ ok: true, checked: 4, firstSeq: "3", lastSeq: "6" });
    await asOwnerPastTriggers(`DELETE FROM "AuditLog" WHERE "seq" IN (2, 6)`);
    expect((await verifyAuditChain(prisma, { fromSeq: 3n, toSeq: 5n })).break).toMatchObject({ kind: "gap", seq: "2" });
    expect((await verifyAuditChain(prisma, { fromSeq: 4n, toSeq: 6n })).break).toMatchObject({ kind: "gap", seq: "6", found: "7" });
  });
});

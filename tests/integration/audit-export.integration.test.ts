// The administrators' export of the audit trail for a period (decision 029): the route checks the
// role on the server, validates the period, and the workbook's rows and chain check match the database.
import { beforeEach, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; role: string; districtCode: string | null } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/i18n/server-translator", () => ({ getServerTranslator: async () => (key: string) => key }));

import ExcelJS from "exceljs";
import { GET } from "@/app/api/admin/audit-trail/xlsx/route";
import { parseAuditPeriod } from "@/lib/audit-log/export";
import { prisma, truncateAll, withPgClient } from "./db";

const admin = { id: "admin-1", role: "ADMIN", districtCode: null };
const get = (query: string) => GET(new Request(`http://localhost/api/admin/audit-trail/xlsx${query}`));

async function book(response: Response): Promise<ExcelJS.Workbook> {
  const b = new ExcelJS.Workbook();
  await b.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
  return b;
}

beforeEach(async () => {
  await truncateAll();
  session.user = null;
  await prisma.user.create({ data: { id: admin.id, role: "ADMIN", username: "admin1", name: "管理员甲", passwordHash: "x" } });
  // 2026-12-01 23:30 CST is 15:30 UTC: inside Dec 1 (CST), though Dec 1 in UTC too; 2026-12-02 00:30 CST is Dec 1 in UTC.
  const rows = [
    { at: new Date("2026-11-30T15:59:59.999Z"), action: "before" }, // 2026-11-30 23:59:59.999 CST
    { at: new Date("2026-11-30T16:00:00.000Z"), action: "first", actorId: admin.id, actorRole: "ADMIN" as const, reason: "身份证 500103199001011234 误录", data: { note: "500103199001011234", n: 1.5 } },
    { at: new Date("2026-12-01T16:30:00.000Z"), action: "second", districtCode: "500103" }, // 2026-12-02 00:30 CST
    { at: new Date("2026-12-02T16:00:00.000Z"), action: "after" }, // 2026-12-03 00:00 CST
  ];
  for (const r of rows) await prisma.auditLog.create({ data: { entityType: "Test", entityId: r.action, ...r } });
});

describe("GET /api/admin/audit-trail/xlsx", () => {
  it("refuses anyone but an administrator, on the server", async () => {
    expect((await get("?from=2026-12-01&to=2026-12-02")).status).toBe(401);
    for (const [role, districtCode] of [["APPLICANT", null], ["DISTRICT_OFFICER", "500103"], ["MUNICIPAL_OFFICER", null]] as const) {
      session.user = { id: "u", role, districtCode };
      const response = await get("?from=2026-12-01&to=2026-12-02");
      expect(response.status, role).toBe(403);
      expect(response.headers.get("content-type")).toContain("application/json");
    }
  });

  it("gives an administrator the period's rows (CST days) in seq order, with the chain verified and no resident ID", async () => {
    session.user = admin;
    const response = await get("?from=2026-12-01&to=2026-12-02");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("audit-2026-12-01-2026-12-02.xlsx");
    const b = await book(response);
    const [summary, sheet] = b.worksheets;
    const db = await prisma.auditLog.findMany({ where: { action: { in: ["first", "second"] } }, orderBy: { seq: "asc" } });
    expect(summary!.getRow(2).getCell(2).value).toBe(2);
    expect(String(summary!.getRow(3).getCell(2).value)).toMatch(/^通过：序号 2 至 3 共 2 条/);
    expect(summary!.getRow(4).getCell(2).value).toBe(db[1]!.hash);
    const values = (n: number) => (sheet!.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(["序号", "时间（北京时间）", "操作人", "角色", "操作", "对象", "区县", "理由", "数据（JSON）", "前一条哈希", "本条哈希"]);
    expect(sheet!.rowCount).toBe(3);
    expect(values(2)).toEqual([2, "2026-12-01 00:00:00.000", "管理员甲 (admin-1)", "系统管理员", "first", "Test first", "", "身份证 500103********1234 误录", '{"n":1.5,"note":"500103********1234"}', db[0]!.prevHash, db[0]!.hash]);
    expect(values(3)).toEqual([3, "2026-12-02 00:30:00.000", "系统", "", "second", "Test second", "500103", "", "", db[1]!.prevHash, db[1]!.hash]);
  });

  it("says in the workbook when the chain does not verify for the period", async () => {
    await withPgClient(async (client) => {
      await client.query("BEGIN");
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query(`UPDATE "AuditLog" SET "reason" = '改过' WHERE "action" = 'second'`);
      await client.query("COMMIT");
    });
    session.user = admin;
    const b = await book(await get("?from=2026-12-01&to=2026-12-02"));
    expect(String(b.worksheets[0]!.getRow(3).getCell(2).value)).toBe("未通过：序号 3（记录 3）处断裂，记录内容被改动");
  });

  it("refuses a bad period with a Chinese message, and gives an empty period's workbook", async () => {
    session.user = admin;
    const bad = await get("?from=2026-12-05&to=2026-12-01");
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ error: "admin.auditTrail.errors.order" });
    expect((await get("?from=2026-12-01&to=2027-01-15")).status).toBe(422);
    const empty = await book(await get("?from=2025-01-01&to=2025-01-02"));
    expect(empty.worksheets[0]!.getRow(2).getCell(2).value).toBe(0);
    expect(empty.worksheets[1]!.rowCount).toBe(1);
  });
});

describe("parseAuditPeriod", () => {
  it("names each problem by field", () => {
    expect(parseAuditPeriod({})).toEqual({ ok: false, errors: { from: "admin.auditTrail.errors.fromRequired", to: "admin.auditTrail.errors.toRequired" } });
    expect(parseAuditPeriod({ from: "2026-02-30", to: "2026-03-01" })).toEqual({ ok: false, errors: { from: "admin.auditTrail.errors.invalidDate" } });
    expect(parseAuditPeriod({ from: "2026-01-01", to: "2026-01-31" })).toEqual({ ok: true, period: { from: "2026-01-01", to: "2026-01-31" } });
    expect(parseAuditPeriod({ from: "2026-01-01", to: "2026-02-01" })).toMatchObject({ ok: false, errors: { to: "admin.auditTrail.errors.tooLong" } });
  });
});

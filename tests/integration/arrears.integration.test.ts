// Arrears by age (Art. 29, 39) against PostgreSQL: overdue unpaid rent summed per lease, bucketed by
// the age of the oldest overdue bill, the six-month flag of Art. 39, the open vacate order, the
// district scope (another district's officer sees none, a municipal officer the city, by district
// if chosen), search and filters, and the XLSX export read back with exceljs.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; role: string; districtCode: string | null; name?: string } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/i18n/server-translator", () => ({ getServerTranslator: async () => (key: string) => key }));

import ExcelJS from "exceljs";
import { GET as xlsxRoute } from "@/app/api/arrears/xlsx/route";
import type { Actor } from "@/lib/auth/permissions";
import { toDayNumber } from "@/lib/rules/dates";
import { arrearsObligeVacating, arrearsInMonths } from "@/lib/rules/leaving";
import { lateFeeFen } from "@/lib/rules/rent";
import { fenAsYuanNumber } from "@/lib/money/format";
import { exportArrears, listArrears } from "@/lib/tenancy/arrears";
import { arrearsQueryFrom } from "@/lib/tenancy/arrears-query";
import { issueVacateOrder } from "@/lib/tenancy/leaving";
import { cstInstant, dateColumn } from "../support/clock";
import { SHAPINGBA } from "../support/districts";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";
import { acceptedOffer, leaseInForce, tenancyEstate } from "./tenancy-fixtures";

const TODAY = "2026-12-02";
const NOW = cstInstant(TODAY, "10:00");
const RENT = 120_000;
const q = (raw: Record<string, string> = {}) => arrearsQueryFrom(raw);

async function bill(leaseId: string, dueDate: string, data: { status?: "UNPAID" | "PARTIALLY_PAID" | "PAID" | "WAIVED"; paidFen?: number } = {}) {
  await prisma.bill.create({
    data: { leaseId, periodStart: dateColumn(dueDate), periodEnd: dateColumn(dueDate), dueDate: dateColumn(dueDate), amountFen: RENT, baseRentFen: RENT, status: data.status ?? "UNPAID", paidFen: data.paidFen ?? 0 },
  });
}

const days = (from: string) => toDayNumber(TODAY) - toDayNumber(from);

describe("arrears by age", () => {
  let cast: Cast;
  const leases: Record<"a" | "b" | "c" | "ended" | "spb", { leaseId: string; leaseNo: string }> = {} as never;

  beforeAll(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    const yz = await tenancyEstate("AR-001", 4);
    const spb = await tenancyEstate("AR-002", 1);
    await prisma.estate.update({ where: { id: spb.id }, data: { districtCode: SHAPINGBA } });
    const start = { startDate: "2026-01-05", termMonths: 36, at: cstInstant("2026-01-05", "10:00") };
    leases.a = await leaseInForce(cast.yz1, await acceptedOffer(yz.id, yz.unitIds[0]!), start);
    leases.b = await leaseInForce(cast.yz1, await acceptedOffer(yz.id, yz.unitIds[1]!), start);
    leases.c = await leaseInForce(cast.yz1, await acceptedOffer(yz.id, yz.unitIds[2]!), start);
    leases.ended = await leaseInForce(cast.yz1, await acceptedOffer(yz.id, yz.unitIds[3]!), start);
    leases.spb = await leaseInForce(cast.spb, await acceptedOffer(spb.id, spb.unitIds[0]!), start);
    await prisma.bill.deleteMany({});
    for (const [key, name] of [["a", "甲租户"], ["b", "乙租户"], ["c", "丙租户"], ["ended", "丁租户"], ["spb", "戊租户"]] as const) {
      const lease = await prisma.lease.findUniqueOrThrow({ where: { id: leases[key].leaseId }, select: { applicationId: true, monthlyRentFen: true } });
      expect(lease.monthlyRentFen).toBe(RENT);
      await prisma.application.update({ where: { id: lease.applicationId }, data: { applicantName: name } });
    }
    // A: one month, 12 days overdue; a paid and a waived bill that do not count.
    await bill(leases.a.leaseId, "2026-11-20");
    await bill(leases.a.leaseId, "2026-09-20", { status: "PAID", paidFen: RENT });
    await bill(leases.a.leaseId, "2026-08-20", { status: "WAIVED" });
    // B: seven bills from May, the first paid but 1 fen: 6 months and 1 fen (Art. 39).
    await bill(leases.b.leaseId, "2026-05-05", { status: "PARTIALLY_PAID", paidFen: RENT - 1 });
    for (const m of ["06", "07", "08", "09", "10", "11"]) await bill(leases.b.leaseId, `2026-${m}-05`);
    // C: five months (below six), and a bill due today that is not overdue yet.
    for (const m of ["07", "08", "09", "10", "11"]) await bill(leases.c.leaseId, `2026-${m}-05`);
    await bill(leases.c.leaseId, TODAY);
    // An ended lease with arrears is not listed (only leases in force).
    await bill(leases.ended.leaseId, "2026-03-05");
    await prisma.lease.update({ where: { id: leases.ended.leaseId }, data: { status: "ENDED" } });
    // Shapingba: two months, from October.
    await bill(leases.spb.leaseId, "2026-10-01");
    await bill(leases.spb.leaseId, "2026-11-01", { status: "PARTIALLY_PAID", paidFen: 20_000 });
    // B already has a vacate order on the ground of arrears: the lease is held over (still listed).
    await issueVacateOrder(cast.yz1, { leaseId: leases.b.leaseId, deadline: "2027-01-31", reason: "累计欠缴租金6个月以上", ground: "RENT_ARREARS", transitionGranted: "" }, { now: NOW });
  });

  it("sums overdue rent per lease, buckets by the oldest overdue bill and flags six months as arrearsObligeVacating does", async () => {
    const list = await listArrears(cast.yz1, q(), { today: TODAY });
    expect(list.rows.map((r) => [r.leaseNo, r.tenantName, r.overdueFen, r.overdueBills, r.oldestDueDate, r.daysOverdue, r.bucket, r.months, r.sixMonths, r.openOrder?.ground ?? null])).toEqual([
      [leases.b.leaseNo, "乙租户", 6 * RENT + 1, 7, "2026-05-05", days("2026-05-05"), "D181_PLUS", 6, true, "RENT_ARREARS"],
      [leases.c.leaseNo, "丙租户", 5 * RENT, 5, "2026-07-05", days("2026-07-05"), "D91_180", 5, false, null],
      [leases.a.leaseNo, "甲租户", RENT, 1, "2026-11-20", 12, "D1_30", 1, false, null],
    ]);
    for (const r of list.rows) {
      expect(r.sixMonths).toBe(arrearsObligeVacating(r.overdueFen, r.monthlyRentFen));
      expect(r.months).toBe(arrearsInMonths(r.overdueFen, r.monthlyRentFen));
      expect(r.districtCode).toBe("500103");
    }
    // Art. 29: the fee running today on A's overdue bill, from lib/rules, plus what is unpaid of a fee assessed before.
    const paidLate = await prisma.bill.create({
      data: { leaseId: leases.a.leaseId, periodStart: dateColumn("2026-10-20"), periodEnd: dateColumn("2026-10-20"), dueDate: dateColumn("2026-10-20"), amountFen: RENT, baseRentFen: RENT, status: "PAID", paidFen: RENT },
    });
    await prisma.lateFee.create({ data: { billId: paidLate.id, baseFen: RENT, fromDate: dateColumn("2026-10-20"), throughDate: dateColumn("2026-10-30"), daysLate: 10, amountFen: 600, paidFen: 100, assessedAt: NOW } });
    const a = (await listArrears(cast.yz1, q(), { today: TODAY })).rows.find((r) => r.leaseNo === leases.a.leaseNo)!;
    expect(a.lateFeesFen).toBe(lateFeeFen(RENT, "2026-11-20", TODAY) + 500);
    expect(a.overdueFen).toBe(RENT);
    expect(days("2026-07-05")).toBe(150);
    // B is held over since its vacate order: leases held over are listed with those in force.
    expect(list.rows[0]!.leaseStatus).toBe("HOLDING_OVER");
    expect(list.totals).toEqual({
      buckets: { D1_30: { leases: 1, fen: RENT }, D31_90: { leases: 0, fen: 0 }, D91_180: { leases: 1, fen: 5 * RENT }, D181_PLUS: { leases: 1, fen: 6 * RENT + 1 } },
      sixMonths: { leases: 1, fen: 6 * RENT + 1 },
      all: { leases: 3, fen: 12 * RENT + 1 },
    });
    expect(list.total).toBe(3);
  });

  it("one fen less than six months is not flagged", async () => {
    await prisma.bill.updateMany({ where: { leaseId: leases.b.leaseId, dueDate: dateColumn("2026-05-05") }, data: { paidFen: RENT } });
    try {
      const [row] = (await listArrears(cast.yz1, q({ q: leases.b.leaseNo }), { today: TODAY })).rows;
      expect([row!.overdueFen, row!.sixMonths, arrearsObligeVacating(6 * RENT, RENT)]).toEqual([6 * RENT, true, true]);
      await prisma.bill.updateMany({ where: { leaseId: leases.b.leaseId, dueDate: dateColumn("2026-06-05") }, data: { paidFen: 1, status: "PARTIALLY_PAID" } });
      const [below] = (await listArrears(cast.yz1, q({ q: leases.b.leaseNo }), { today: TODAY })).rows;
      expect([below!.overdueFen, below!.sixMonths, arrearsObligeVacating(6 * RENT - 1, RENT)]).toEqual([6 * RENT - 1, false, false]);
    } finally {
      await prisma.bill.updateMany({ where: { leaseId: leases.b.leaseId, dueDate: dateColumn("2026-06-05") }, data: { paidFen: 0, status: "UNPAID" } });
      await prisma.bill.updateMany({ where: { leaseId: leases.b.leaseId, dueDate: dateColumn("2026-05-05") }, data: { paidFen: RENT - 1 } });
    }
  });

  it("keeps to the district: another district's officer sees none of them, a municipal officer the city, by district if chosen", async () => {
    const spb = await listArrears(cast.spb, q(), { today: TODAY });
    expect(spb.rows.map((r) => [r.leaseNo, r.overdueFen, r.bucket, r.daysOverdue])).toEqual([[leases.spb.leaseNo, 2 * RENT - 20_000, "D31_90", 62]]);
    // A district officer asking for another district keeps to their own.
    expect((await listArrears(cast.spb, q({ district: "500103" }), { today: TODAY })).rows.map((r) => r.leaseNo)).toEqual([leases.spb.leaseNo]);
    const city = await listArrears(cast.city, q(), { today: TODAY });
    expect(city.rows.map((r) => r.leaseNo).sort()).toEqual([leases.a.leaseNo, leases.b.leaseNo, leases.c.leaseNo, leases.spb.leaseNo].sort());
    expect(city.totals.all).toEqual({ leases: 4, fen: 12 * RENT + 1 + 2 * RENT - 20_000 });
    expect((await listArrears(cast.city, q({ district: SHAPINGBA }), { today: TODAY })).rows.map((r) => r.leaseNo)).toEqual([leases.spb.leaseNo]);
    // Someone without the permission gets nothing at all.
    expect((await listArrears(cast.applicant, q(), { today: TODAY })).rows).toEqual([]);
  });

  it("filters by bucket and by six months, searches by lease number or tenant name, and pages", async () => {
    const keys = async (raw: Record<string, string>) => (await listArrears(cast.yz1, q(raw), { today: TODAY })).rows.map((r) => r.leaseNo);
    expect(await keys({ bucket: "D91_180" })).toEqual([leases.c.leaseNo]);
    expect(await keys({ bucket: "D31_90" })).toEqual([]);
    expect(await keys({ six: "1" })).toEqual([leases.b.leaseNo]);
    expect(await keys({ q: "甲租" })).toEqual([leases.a.leaseNo]);
    expect(await keys({ q: leases.c.leaseNo.toLowerCase() })).toEqual([leases.c.leaseNo]);
    expect(await keys({ q: "戊租户" })).toEqual([]);
    // Totals follow the search and the district, not the bucket filter (the tiles show every bucket).
    expect((await listArrears(cast.yz1, q({ bucket: "D1_30" }), { today: TODAY })).totals.all.leases).toBe(3);
    const far = await listArrears(cast.yz1, q({ page: "9" }), { today: TODAY });
    expect([far.page, far.pageCount, far.rows.length]).toEqual([1, 1, 3]);
  });

  it("exports every matching row", async () => {
    const all = await exportArrears(cast.city, q(), { today: TODAY });
    expect([all.rows.length, all.truncated]).toEqual([4, false]);
  });

  describe("GET /api/arrears/xlsx", () => {
    const get = (query = "") => xlsxRoute(new Request(`http://localhost/api/arrears/xlsx${query}`));
    // The route reads the clock: it is the fixtures' day here, whatever day the suite runs on.
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(NOW);
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it("refuses without a session (401) and an applicant (403)", async () => {
      session.user = null;
      expect((await get()).status).toBe(401);
      session.user = cast.applicant as Actor & { name?: string };
      expect((await get()).status).toBe(403);
    });

    it("returns the officer's rows as a workbook: Chinese headers, yuan with two decimals, no resident IDs", async () => {
      session.user = cast.yz1;
      const response = await get();
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
      expect(values(1)).toEqual(["合同编号", "合同状态", "承租人", "房屋", "区县代码", "月租金（元）", "逾期未缴租金（元）", "滞纳金（元，截至今日，第二十九条）", "逾期账单数", "最早到期日", "逾期天数", "账龄", "折合月数", "累计6个月及以上（第三十九条）", "腾退通知"]);
      expect(sheet.rowCount).toBe(4);
      const list = await listArrears(cast.yz1, q(), { today: TODAY });
      const b = values(2);
      expect(b.slice(0, 3)).toEqual([leases.b.leaseNo, "待腾退", "乙租户"]);
      expect(b.slice(4, 7)).toEqual(["500103", 1200, 7200.01]);
      expect(b[7]).toBe(fenAsYuanNumber(list.rows[0]!.lateFeesFen));
      expect(list.rows[0]!.lateFeesFen).toBeGreaterThan(0);
      expect(b.slice(8, 14)).toEqual([7, "2026-05-05", days("2026-05-05"), "180天以上", 6, "是"]);
      expect(String(b[14])).toMatch(/^TT-500103-2026-\d+$/);
      expect([2, 3, 4].map((n) => values(n)[0])).toEqual(list.rows.map((r) => r.leaseNo));
      expect(values(4).slice(6, 7)).toEqual([1200]);
      expect(sheet.getColumn(7).numFmt).toBe("#,##0.00");
      expect(sheet.getColumn(8).numFmt).toBe("#,##0.00");
      // No resident ID anywhere in the workbook.
      const ids = (await prisma.householdMember.findMany({ select: { residentId: true } })).map((m) => m.residentId);
      expect(ids.length).toBeGreaterThan(0);
      const text = JSON.stringify(sheet.getSheetValues());
      for (const id of ids) expect(text).not.toContain(id);
      expect(text).not.toMatch(/\d{17}[\dX]/);
    });

    it("keeps the filters and the scope", async () => {
      session.user = cast.spb;
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await (await get("?district=500103")).arrayBuffer()) as ArrayBuffer);
      expect(book.worksheets[0]!.getColumn(1).values.slice(2)).toEqual([leases.spb.leaseNo]);
      session.user = cast.city;
      const six = new ExcelJS.Workbook();
      await six.xlsx.load((await (await get("?six=1")).arrayBuffer()) as ArrayBuffer);
      expect(six.worksheets[0]!.getColumn(1).values.slice(2)).toEqual([leases.b.leaseNo]);
    });
  });
});

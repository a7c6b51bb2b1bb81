// Repair requests against PostgreSQL (Art. 35): a tenant files one for the home of the lease in
// force, with photos, once per form; only officers of the home's district see and move it; two
// officers completing at once make one completion; the tenant confirms, or it closes by itself;
// the officers' note never reaches the tenant's view or a notice; bad input changes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { addWorkingDays } from "@/lib/rules/working-days";
import { cancelInspection, getInspection, listInspections, recordInspection, scheduleInspection } from "@/lib/repairs/inspections";
import { maintenanceFundReport, recordFundAllocation } from "@/lib/repairs/maintenance-fund";
import { openRepairPhoto, uploadRepairPhoto } from "@/lib/repairs/photos";
import { recordCounterPayment } from "@/lib/tenancy/payments";
import {
  assignRepair,
  cancelRepair,
  closeUnconfirmedRepairs,
  completeRepair,
  confirmRepair,
  getMyRepair,
  getRepairForStaff,
  listMyRepairs,
  listRepairs,
  startRepair,
  submitRepairRequest,
} from "@/lib/repairs/repairs";
import type { SubmitRepairInput } from "@/lib/repairs/schemas";
import { cstInstant, fromDateColumn } from "../support/clock";
import { failure, race } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { PNG, PDF } from "./portal-draft.fixtures";
import { createCast, type Cast } from "./review-fixtures";
import { acceptedOffer, leaseInForce, tenancyEstate, type AcceptedOffer } from "./tenancy-fixtures";

const START = "2026-03-02"; // a Monday
const AT = cstInstant(START, "10:00");
const LATER = cstInstant("2026-03-03", "09:00");

// Typed as a form posts it: any values; the schema judges them.
const form = (key: string, extra: Record<string, unknown> = {}) => ({ category: "UNIT_FIXTURE", description: "卫生间洗手池下水管漏水", preferredVisit: "工作日下午", formKey: `form-${key}-0001`, ...extra }) as SubmitRepairInput;

async function counts() {
  return { requests: await prisma.repairRequest.count(), audit: await prisma.auditLog.count({ where: { entityType: "RepairRequest" } }), notices: await prisma.notification.count({ where: { templateKey: { startsWith: "repairs." } } }) };
}

describe("repair requests (Art. 35)", () => {
  let cast: Cast;
  let offer: AcceptedOffer;
  let other: AcceptedOffer;
  let leaseNo: string;

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    const estate = await tenancyEstate("RP-001", 2);
    offer = await acceptedOffer(estate.id, estate.unitIds[0]!);
    other = await acceptedOffer(estate.id, estate.unitIds[1]!);
    leaseNo = (await leaseInForce(cast.yz1, offer, { startDate: START, at: AT })).leaseNo;
    await leaseInForce(cast.yz1, other, { startDate: START, at: AT });
  });

  it("files a request with photos for the tenant's home, numbered, with the category's deadline and who pays; once per form", async () => {
    await uploadRepairPhoto(offer.tenant, { fileName: "漏水.png", bytes: PNG });
    const first = await submitRepairRequest(offer.tenant, form("a"), { now: AT });
    expect(first.requestNo).toMatch(/^BX-500103-2026-\d{6}$/);
    // The same form again, and again at once: the same request.
    expect(await submitRepairRequest(offer.tenant, form("a"), { now: AT })).toEqual(first);
    const again = await race(Array.from({ length: 3 }, () => () => submitRepairRequest(offer.tenant, form("b"), { now: AT })));
    expect(again.ok).toHaveLength(3);
    expect(await prisma.repairRequest.count()).toBe(2);

    const row = await prisma.repairRequest.findUniqueOrThrow({ where: { id: first.requestId }, include: { documents: true } });
    expect(row).toMatchObject({ status: "OPEN", category: "UNIT_FIXTURE", responsibility: "OPERATOR", urgency: "NORMAL", unitId: offer.unitId });
    expect(fromDateColumn(row.dueDate!)).toBe(addWorkingDays(START, 5));
    expect(row.documents).toHaveLength(1);
    // The photo went with the first request only.
    const second = await prisma.repairRequest.findFirstOrThrow({ where: { formKey: "form-b-0001" }, include: { documents: true } });
    expect(second.documents).toHaveLength(0);

    // Consumables: the tenant pays; an emergency is due the next day.
    const bulb = await submitRepairRequest(offer.tenant, form("c", { category: "CONSUMABLE", urgency: "EMERGENCY", description: "客厅灯泡坏了需要更换" }), { now: AT });
    expect(await prisma.repairRequest.findUniqueOrThrow({ where: { id: bulb.requestId }, select: { responsibility: true, dueDate: true } })).toMatchObject({ responsibility: "TENANT" });
    expect(fromDateColumn((await prisma.repairRequest.findUniqueOrThrow({ where: { id: bulb.requestId } })).dueDate!)).toBe("2026-03-03");

    // The tenant reads the photo; the other tenant and another district's officer cannot.
    const photoId = row.documents[0]!.id;
    expect((await openRepairPhoto(offer.tenant, photoId))?.mimeType).toBe("image/png");
    expect((await openRepairPhoto(cast.yz1, photoId))?.mimeType).toBe("image/png");
    expect((await failure(openRepairPhoto(other.tenant, photoId))).code).toBe("NOT_FOUND");
    expect((await failure(openRepairPhoto(cast.spb, photoId))).code).toBe("NOT_FOUND");
  });

  it("refuses bad input and people without a lease, changing nothing", async () => {
    const before = await counts();
    for (const bad of [
      form("d", { category: "GARDEN" }),
      form("d", { description: "漏" }),
      form("d", { description: "长".repeat(501) }),
      form("d", { formKey: "x" }),
      form("d", { urgency: "SOON" }),
      { ...form("d"), category: undefined },
    ]) {
      expect((await failure(submitRepairRequest(offer.tenant, bad as never, { now: AT }))).code).toBe("VALIDATION");
    }
    expect((await failure(submitRepairRequest(cast.applicant, form("e"), { now: AT }))).messageKey).toBe("repairs.errors.noLease");
    expect((await failure(submitRepairRequest(cast.yz1, form("f"), { now: AT }))).code).toBe("FORBIDDEN");
    // A PDF is not a photo; too many photos are refused.
    expect((await failure(uploadRepairPhoto(offer.tenant, { fileName: "a.pdf", bytes: PDF }))).messageKey).toBe("repairs.errors.photoType");
    for (let i = 0; i < 4; i++) await uploadRepairPhoto(offer.tenant, { fileName: `p${i}.png`, bytes: PNG });
    expect((await failure(uploadRepairPhoto(offer.tenant, { fileName: "p5.png", bytes: PNG }))).messageKey).toBe("repairs.errors.tooManyPhotos");
    expect(await counts()).toEqual(before);
  });

  it("is seen only by its tenant and the officers of the home's district", async () => {
    const { requestNo } = await submitRepairRequest(offer.tenant, form("g"), { now: AT });
    expect((await listMyRepairs(offer.tenant)).map((r) => r.requestNo)).toEqual([requestNo]);
    expect(await getMyRepair(offer.tenant, requestNo)).not.toBeNull();
    expect(await listMyRepairs(other.tenant)).toEqual([]);
    expect(await getMyRepair(other.tenant, requestNo)).toBeNull();
    expect(await getMyRepair(cast.yz1, requestNo)).toBeNull();
    expect((await listRepairs(cast.yz1, {})).rows.map((r) => r.requestNo)).toEqual([requestNo]);
    expect((await listRepairs(cast.city, {})).total).toBe(1);
    expect(await listRepairs(cast.spb, {})).toMatchObject({ rows: [], total: 0 });
    expect(await getRepairForStaff(cast.spb, requestNo)).toBeNull();
    expect(await getRepairForStaff(other.tenant, requestNo)).toBeNull();
    expect(await getRepairForStaff(cast.admin, requestNo)).toBeNull();
    // Another district's officer may not act on it; another tenant may not cancel it.
    const id = (await prisma.repairRequest.findUniqueOrThrow({ where: { requestNo } })).id;
    expect((await failure(assignRepair(cast.spb, { requestId: id, assignee: "沙坪坝维修班" }, { now: LATER }))).code).toBe("FORBIDDEN");
    expect((await failure(cancelRepair(other.tenant, { requestId: id }, { now: LATER }))).code).toBe("NOT_FOUND");
    expect((await failure(assignRepair(offer.tenant, { requestId: id, assignee: "自己" }, { now: LATER }))).code).toBe("FORBIDDEN");
    expect((await prisma.repairRequest.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
  });

  it("goes assigned → in progress → completed → confirmed; the note stays with the officers; the tenant is told", async () => {
    const { requestId, requestNo } = await submitRepairRequest(offer.tenant, form("h"), { now: AT });
    // Not before it is assigned.
    expect((await failure(completeRepair(cast.yz1, { requestId, resolution: "已修好" }, { now: LATER }))).messageKey).toBe("repairs.errors.statusIs.OPEN");
    expect((await failure(assignRepair(cast.yz1, { requestId, assignee: "" }, { now: LATER }))).code).toBe("VALIDATION");
    await assignRepair(cast.yz1, { requestId, assignee: "物业维修一班", internalNote: "该户曾多次报修同一问题" }, { now: LATER });
    // Assigned: the tenant can no longer cancel.
    expect((await failure(cancelRepair(offer.tenant, { requestId }, { now: LATER }))).messageKey).toBe("repairs.errors.statusIs.ASSIGNED");
    await startRepair(cast.yz2, { requestId }, { now: LATER });
    // Two officers completing at once: one completion.
    const done = await race([cast.yz1, cast.yz2, cast.yz1].map((officer) => () => completeRepair(officer, { requestId, resolution: "更换下水管及密封圈", internalNote: "材料费由维修基金列支" }, { now: LATER })));
    expect(done.ok).toHaveLength(1);
    expect(done.errors).toEqual(["CONFLICT", "CONFLICT"]);
    expect(await prisma.auditLog.count({ where: { entityId: requestId, action: "repair.complete" } })).toBe(1);

    const mine = (await getMyRepair(offer.tenant, requestNo))!;
    expect(mine).toMatchObject({ status: "COMPLETED", assignee: "物业维修一班", resolution: "更换下水管及密封圈", autoCloseOn: "2026-03-10" });
    expect(JSON.stringify(mine)).not.toContain("多次报修");
    expect(JSON.stringify(mine)).not.toContain("维修基金");
    expect((await getRepairForStaff(cast.yz1, requestNo))?.internalNote).toBe("材料费由维修基金列支");
    const notices = await prisma.notification.findMany({ where: { templateKey: { startsWith: "repairs." } }, select: { templateKey: true, channel: true, params: true, recipientUserId: true } });
    expect(notices.map((n) => `${n.templateKey}:${n.channel}`).sort()).toEqual(["repairs.assigned:IN_APP", "repairs.assigned:SMS", "repairs.completed:IN_APP", "repairs.completed:SMS"]);
    expect(notices.every((n) => n.recipientUserId === offer.tenant.id)).toBe(true);
    expect(JSON.stringify(notices)).not.toMatch(/多次报修|维修基金/);

    // Only the tenant confirms; then it is closed, and nothing more moves it.
    expect((await failure(confirmRepair(other.tenant, { requestId }, { now: LATER }))).code).toBe("NOT_FOUND");
    await confirmRepair(offer.tenant, { requestId }, { now: LATER });
    expect(await prisma.repairRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, tenantConfirmedAt: true } })).toEqual({ status: "CLOSED", tenantConfirmedAt: LATER });
    expect((await failure(confirmRepair(offer.tenant, { requestId }, { now: LATER }))).messageKey).toBe("repairs.errors.statusIs.CLOSED");
    expect(await prisma.auditLog.findMany({ where: { entityId: requestId }, select: { action: true }, orderBy: { id: "asc" } })).toEqual(
      ["repair.submit", "repair.assign", "repair.start", "repair.complete", "repair.confirm"].map((action) => ({ action })),
    );
    expect(leaseNo).toMatch(/^ZL-/);
  });

  it("a completion the tenant does not answer closes after seven days; a cancelled request stays cancelled", async () => {
    const a = await submitRepairRequest(offer.tenant, form("i"), { now: AT });
    await assignRepair(cast.yz1, { requestId: a.requestId, assignee: "物业维修一班" }, { now: AT });
    await completeRepair(cast.yz1, { requestId: a.requestId, resolution: "已修复" }, { now: AT });
    expect(await closeUnconfirmedRepairs(cstInstant("2026-03-08", "10:00"))).toEqual({ closed: 0 });
    expect(await closeUnconfirmedRepairs(cstInstant("2026-03-09", "10:01"))).toEqual({ closed: 1 });
    expect(await closeUnconfirmedRepairs(cstInstant("2026-03-09", "10:02"))).toEqual({ closed: 0 });
    expect(await prisma.repairRequest.findUniqueOrThrow({ where: { id: a.requestId }, select: { status: true, tenantConfirmedAt: true } })).toEqual({ status: "CLOSED", tenantConfirmedAt: null });

    const b = await submitRepairRequest(offer.tenant, form("j"), { now: AT });
    await cancelRepair(offer.tenant, { requestId: b.requestId, reason: "已自行解决" }, { now: AT });
    expect((await failure(assignRepair(cast.yz1, { requestId: b.requestId, assignee: "物业维修一班" }, { now: AT }))).messageKey).toBe("repairs.errors.statusIs.CANCELLED");
  });

  it("lists the district's requests by status, category and overdue, searched by number", async () => {
    const late = await submitRepairRequest(offer.tenant, form("k", { category: "COMMON_PARTS", description: "楼道灯不亮了很久" }), { now: AT });
    await submitRepairRequest(other.tenant, form("l"), { now: cstInstant("2026-03-06", "10:00") });
    const today = cstInstant("2026-03-09", "10:00"); // COMMON_PARTS due 03-05: overdue; the other due 03-13
    expect((await listRepairs(cast.yz1, { overdue: "1" }, { now: today })).rows.map((r) => r.requestNo)).toEqual([late.requestNo]);
    expect((await listRepairs(cast.yz1, {}, { now: today })).rows.find((r) => r.requestNo === late.requestNo)?.isOverdue).toBe(true);
    expect((await listRepairs(cast.yz1, { category: "UNIT_FIXTURE" })).total).toBe(1);
    expect((await listRepairs(cast.yz1, { status: "CLOSED" })).total).toBe(0);
    expect((await listRepairs(cast.yz1, { q: late.requestNo.toLowerCase() })).rows.map((r) => r.requestNo)).toEqual([late.requestNo]);
    // Nonsense filters are ignored, not errors.
    expect((await listRepairs(cast.yz1, { status: "NOPE", page: "-3", category: 5 })).total).toBe(2);
  });
});

describe("inspections (Art. 35, 43)", () => {
  let cast: Cast;
  let estateId: string;
  let offer: AcceptedOffer;
  let leaseNo: string;

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    const estate = await tenancyEstate("IN-001", 1);
    estateId = estate.id;
    offer = await acceptedOffer(estate.id, estate.unitIds[0]!);
    leaseNo = (await leaseInForce(cast.yz1, offer, { startDate: START, at: AT })).leaseNo;
  });

  it("a patrol is scheduled, recorded once with its findings, and raises one repair of the common parts", async () => {
    const { inspectionId } = await scheduleInspection(cast.yz1, { estateId, method: "PATROL", scheduledOn: "2026-03-04" }, { now: AT });
    expect(await prisma.inspection.findUniqueOrThrow({ where: { id: inspectionId }, select: { status: true, kind: true, unitId: true } })).toEqual({ status: "SCHEDULED", kind: "COMMON_PARTS", unitId: null });
    // Another district's officer may neither schedule here nor record it.
    expect((await failure(scheduleInspection(cast.spb, { estateId, method: "PATROL", scheduledOn: "2026-03-04" }, { now: AT }))).code).toBe("FORBIDDEN");
    expect((await failure(recordInspection(cast.spb, { inspectionId, inspectedOn: "2026-03-04", findings: "正常" }, { now: cstInstant("2026-03-04", "15:00") }))).code).toBe("FORBIDDEN");
    // A patrol without a home raises only common-parts repairs; nothing is recorded when refused.
    const record = { inspectionId, inspectedOn: "2026-03-04", findings: "2栋电梯按钮失灵", hasIssues: "on", raiseRepair: "on", repairDescription: "2栋电梯按钮失灵，需要更换" };
    expect((await failure(recordInspection(cast.yz1, { ...record, repairCategory: "UNIT_FIXTURE" }, { now: cstInstant("2026-03-04", "15:00") }))).fieldErrors).toEqual({ repairCategory: ["inspections.validation.commonPartsOnly"] });
    expect((await failure(recordInspection(cast.yz1, { ...record, repairCategory: "" }, { now: cstInstant("2026-03-04", "15:00") }))).code).toBe("VALIDATION");
    expect((await prisma.inspection.findUniqueOrThrow({ where: { id: inspectionId } })).status).toBe("SCHEDULED");
    // Two officers recording at once: one record, one repair.
    const recorded = await race([cast.yz1, cast.yz2].map((o) => () => recordInspection(o, { ...record, repairCategory: "COMMON_PARTS" }, { now: cstInstant("2026-03-04", "15:00") })));
    expect(recorded.ok).toHaveLength(1);
    expect(recorded.errors).toEqual(["CONFLICT"]);
    const repairs = await prisma.repairRequest.findMany({ where: { inspectionId }, select: { requestNo: true, unitId: true, leaseId: true, estateId: true, category: true, responsibility: true, dueDate: true, status: true } });
    expect(repairs).toHaveLength(1);
    expect(repairs[0]).toMatchObject({ unitId: null, leaseId: null, estateId, category: "COMMON_PARTS", responsibility: "OPERATOR", status: "OPEN" });
    expect(fromDateColumn(repairs[0]!.dueDate!)).toBe(addWorkingDays("2026-03-04", 3));
    // The district's officers see and move it; it is no tenant's.
    expect((await listRepairs(cast.yz1, { q: repairs[0]!.requestNo })).rows[0]).toMatchObject({ fromInspection: true, unitLabel: expect.stringContaining("IN-001") });
    expect(await listMyRepairs(offer.tenant)).toEqual([]);
    expect((await getInspection(cast.yz1, inspectionId))?.repairs.map((r) => r.requestNo)).toEqual([repairs[0]!.requestNo]);
    expect(await getInspection(cast.spb, inspectionId)).toBeNull();
    expect((await listInspections(cast.spb, {})).total).toBe(0);
  });

  it("a home visit names a lease in force in the estate; a repair it raises goes to the tenant's list, but not the findings", async () => {
    expect((await failure(scheduleInspection(cast.yz1, { estateId, method: "HOME_VISIT", scheduledOn: "2026-03-04" }, { now: AT }))).fieldErrors).toEqual({ leaseNo: ["inspections.validation.leaseNoRequired"] });
    expect((await failure(scheduleInspection(cast.yz1, { estateId, method: "HOME_VISIT", scheduledOn: "2026-03-04", leaseNo: "ZL-500103-2026-999999" }, { now: AT }))).fieldErrors).toEqual({ leaseNo: ["inspections.validation.leaseNoNotHere"] });
    expect((await failure(scheduleInspection(cast.yz1, { estateId, method: "HOME_VISIT", scheduledOn: "2026-03-01", leaseNo }, { now: AT }))).fieldErrors).toEqual({ scheduledOn: ["inspections.validation.scheduledOnPast"] });
    expect(await prisma.inspection.count()).toBe(0);
    const { inspectionId } = await scheduleInspection(cast.yz1, { estateId, method: "HOME_VISIT", scheduledOn: "2026-03-04", leaseNo: leaseNo.toLowerCase() }, { now: AT });
    const { repairRequestNo } = await recordInspection(
      cast.yz1,
      { inspectionId, inspectedOn: "2026-03-04", findings: "本人居住，家中整洁；阳台窗户合页松动", hasIssues: "on", raiseRepair: "on", repairCategory: "UNIT_FIXTURE", repairDescription: "阳台窗户合页松动，需要紧固" },
      { now: cstInstant("2026-03-04", "16:00") },
    );
    const mine = await listMyRepairs(offer.tenant);
    expect(mine.map((r) => r.requestNo)).toEqual([repairRequestNo]);
    expect(JSON.stringify(mine)).not.toContain("本人居住");
    // It is the officers' to withdraw, not the tenant's.
    expect((await failure(cancelRepair(offer.tenant, { requestId: mine[0]!.id }))).messageKey).toBe("repairs.errors.notYours");
    expect((await failure(cancelInspection(cast.yz1, { inspectionId }))).messageKey).toBe("inspections.errors.statusIs.DONE");
    const later = await scheduleInspection(cast.yz1, { estateId, method: "JOINT_CHECK", scheduledOn: "2026-03-06" }, { now: AT });
    await cancelInspection(cast.yz1, later);
    expect((await listInspections(cast.yz1, { status: "CANCELLED" })).total).toBe(1);
  });
});

describe("the maintenance fund (Art. 35)", () => {
  it("sets each estate's year of rent received against 5 %, flags the shortfall, records once per form", async () => {
    await truncateAll();
    await seedDistricts();
    const cast = await createCast();
    const estate = await tenancyEstate("MF-001", 1);
    const offer = await acceptedOffer(estate.id, estate.unitIds[0]!);
    const lease = await leaseInForce(cast.yz1, offer, { startDate: START, at: AT });
    // The first month's rent (1,200 yuan) paid at the counter.
    await recordCounterPayment(cast.yz1, { leaseId: lease.leaseId, amountFen: 120_000, method: "CASH", paidOn: START, formKey: "counter-mf-0001" }, { now: AT });
    const row = () => maintenanceFundReport(cast.yz1, 2026).then((rows) => rows.find((r) => r.estateId === estate.id)!);
    expect(await row()).toMatchObject({ rentIncomeFen: 120_000n, requiredFen: 6_000n, setAsideFen: 0n, shortfallFen: 6_000n });
    // Another year has no income; another district sees nothing.
    expect((await maintenanceFundReport(cast.yz1, 2025)).find((r) => r.estateId === estate.id)).toMatchObject({ rentIncomeFen: 0n, requiredFen: 0n, shortfallFen: 0n });
    expect(await maintenanceFundReport(cast.spb, 2026)).toEqual([]);
    expect((await failure(recordFundAllocation(cast.spb, { estateId: estate.id, year: 2026, amountFen: 6_000, formKey: "fund-form-0001" }, { now: AT }))).code).toBe("FORBIDDEN");
    // Bad input records nothing.
    for (const bad of [{ amountFen: 0 }, { amountFen: 1.5 }, { year: 2023 }, { formKey: "x" }]) {
      expect((await failure(recordFundAllocation(cast.yz1, { estateId: estate.id, year: 2026, amountFen: 5_000, formKey: "fund-form-0002", ...bad }, { now: AT }))).code).toBe("VALIDATION");
    }
    expect((await failure(recordFundAllocation(cast.yz1, { estateId: estate.id, year: 2027, amountFen: 5_000, formKey: "fund-form-0002" }, { now: AT }))).fieldErrors).toEqual({ year: ["repairs.fund.validation.yearFuture"] });
    expect(await prisma.maintenanceFundAllocation.count()).toBe(0);
    // 50 yuan, the same form twice at once: recorded once, still short by 10 yuan; then 10 more.
    const twice = await race([0, 1].map(() => () => recordFundAllocation(cast.yz1, { estateId: estate.id, year: 2026, amountFen: 5_000, formKey: "fund-form-0003" }, { now: AT })));
    expect(twice.ok).toHaveLength(2);
    expect(await prisma.maintenanceFundAllocation.count()).toBe(1);
    expect(await row()).toMatchObject({ setAsideFen: 5_000n, shortfallFen: 1_000n });
    await recordFundAllocation(cast.yz1, { estateId: estate.id, year: 2026, amountFen: 1_000, formKey: "fund-form-0004" }, { now: AT });
    expect(await row()).toMatchObject({ setAsideFen: 6_000n, shortfallFen: 0n });
    expect(await prisma.auditLog.count({ where: { action: "maintenanceFund.record" } })).toBe(2);
  });
});

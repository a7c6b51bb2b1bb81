// The district records page's service (lib/districts/overview.ts) against the real database:
// what it counts for one district, the statutory deadlines of its review queues, its current
// publicity, objections, appeals, re-checks and rectifications, and who may read it.
import { beforeEach, describe, expect, it } from "vitest";
import { getDistrictHeadline, getDistrictOverview } from "@/lib/districts/overview";
import { lodgeObjection } from "@/lib/publicity/objections";
import { objectionSchema } from "@/lib/publicity/schemas";
import { prisma, seedDistricts, truncateAll } from "./db";
import { outcome } from "../support/app-errors";
import { cstInstant as cst, dateColumn as day } from "../support/clock";
import { SHAPINGBA, YUZHONG } from "../support/districts";
import { createApplication, createCast, type Cast } from "./review-fixtures";

const NOW = cst("2025-06-11"); // Wednesday
const TODAY = "2025-06-11";

let cast: Cast;

beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  cast = await createCast();
});

/** A Yuzhong household in `status` with the given columns; Shapingba's mirror one must never be counted. */
async function app(status: Parameters<typeof createApplication>[0]["status"], data: Parameters<typeof createApplication>[0]["data"] = {}, districtCode = YUZHONG) {
  return createApplication({ status, districtCode, applicantUserId: cast.applicant.id, data });
}

async function seedCasework() {
  for (const districtCode of [YUZHONG, SHAPINGBA]) {
    // Review queues: one awaiting acceptance, first reviews due today and overdue (from Friday
    // 6 June: 3 working days late on Wednesday 11 June), a second review in time.
    await app("SUBMITTED", { submittedAt: cst("2025-06-10") }, districtCode);
    await app("ACCEPTED", { acceptedAt: cst("2025-06-02"), firstReviewDueDate: day(TODAY), dueDate: day(TODAY) }, districtCode);
    await app("ACCEPTED", { acceptedAt: cst("2025-05-27"), firstReviewDueDate: day("2025-06-06"), dueDate: day("2025-06-06") }, districtCode);
    await app("FIRST_REVIEW_PASSED", { acceptedAt: cst("2025-06-03"), secondReviewDueDate: day("2025-06-16"), dueDate: day("2025-06-16") }, districtCode);
    // This year's outcomes, and last year's (not counted).
    await app("QUALIFIED", { acceptedAt: cst("2025-03-01"), qualifiedAt: cst("2025-04-01") }, districtCode);
    await app("REJECTED", { submittedAt: cst("2024-12-31", "23:00"), acceptedAt: cst("2024-12-31", "23:30"), rejectionNotifiedAt: cst("2025-01-01", "00:10") }, districtCode);
    await app("QUALIFIED", { submittedAt: cst("2024-05-01"), acceptedAt: cst("2024-05-02"), qualifiedAt: cst("2024-12-31", "23:59") }, districtCode);
  }
  // Drafts are not applications yet.
  await app("DRAFT", { submittedAt: null });

  // Publicity: a current Yuzhong batch with one entry and one open objection.
  const listed = await app("IN_PUBLICITY");
  const batch = await prisma.publicityBatch.create({
    data: { districtCode: YUZHONG, title: "渝中区第一批公示", startDate: day("2025-06-09"), endDate: day("2025-06-16"), status: "PUBLISHED", publishedAt: cst("2025-06-09"), entryCount: 1 },
  });
  const entry = await prisma.publicityEntry.create({ data: { batchId: batch.id, applicationId: listed.id, applicationNo: listed.applicationNo, displayName: "张*", maskedResidentId: "500103********1234", householdSize: 1, position: 1 } });
  const objection = await lodgeObjection(
    objectionSchema.parse({ entryId: entry.id, contactName: "王先生", contactPhone: "13700000001", content: "该申请人名下在本市另有住房一套，请核查。" }),
    { now: NOW },
  );

  // An appeal from Yuzhong awaiting the municipal decision.
  const appealed = await app("APPEALED", { rejectionNotifiedAt: cst("2025-06-05") });
  const appeal = await prisma.appeal.create({ data: { applicationId: appealed.id, appealedStatus: "FIRST_REVIEW_REJECTED", grounds: "我有劳动合同。", deadline: day("2025-06-19"), lodgedAt: cst("2025-06-06") } });

  // A re-check awaiting a decision, and rectifications: one overdue, one in time, one reported.
  const qualified = await app("QUALIFIED", { qualifiedAt: cst("2024-03-01") });
  const qualification = await prisma.qualification.create({ data: { applicationId: qualified.id, qualifiedOn: day("2024-03-01"), entitledUnitType: "STUDIO" } });
  await prisma.annualRecheck.create({ data: { kind: "QUALIFICATION", year: 2025, districtCode: YUZHONG, qualificationId: qualification.id, status: "PENDING" } });
  const audit = await prisma.reviewAudit.create({ data: { districtCode: YUZHONG, periodStart: day("2025-01-01"), periodEnd: day("2025-03-31"), auditorId: cast.city.id } });
  const late = await prisma.rectification.create({ data: { auditId: audit.id, districtCode: YUZHONG, requirement: "补正初审记录", dueDate: day("2025-06-06") } });
  await prisma.rectification.create({ data: { auditId: audit.id, districtCode: YUZHONG, requirement: "复核两户收入", dueDate: day("2025-06-20") } });
  await prisma.rectification.create({ data: { auditId: audit.id, districtCode: YUZHONG, requirement: "已整改", dueDate: day("2025-06-20"), status: "REPORTED" } });
  return { batch, objection, appeal, late };
}

describe("the district records", () => {
  it("counts the district's applications by status and this year's figures, never another district's", async () => {
    await seedCasework();
    const overview = (await getDistrictOverview(cast.yz1, YUZHONG, { now: NOW }))!;
    expect(overview.district).toMatchObject({ code: YUZHONG, name: "渝中区", isCentralUrban: true, activeOfficerCount: 2 });
    expect(overview.today).toBe(TODAY);
    const count = (status: string) => overview.byStatus.find((s) => s.status === status)?.count;
    expect(count("SUBMITTED")).toBe(1);
    expect(count("ACCEPTED")).toBe(2);
    expect(count("QUALIFIED")).toBe(3);
    expect(count("IN_PUBLICITY")).toBe(1);
    expect(count("WITHDRAWN")).toBe(0);
    expect(overview.byStatus.map((s) => s.status)).not.toContain("DRAFT");
    expect(overview.byStatus.reduce((n, s) => n + s.count, 0)).toBe(10);
    // This year in CST: submitted on 31 December 2024 at 23:00 CST is last year's; refused at
    // 00:10 CST on 1 January 2025 is this year's (the fixture submits on 2 June 2025 by default).
    expect(overview.year).toBe(2025);
    expect(overview.figures).toEqual({ received: 8, accepted: 4, qualified: 1, refused: 2 });
  });

  it("shows the review queues with their statutory deadlines: due today, overdue in working days", async () => {
    await seedCasework();
    const overview = (await getDistrictOverview(cast.yz1, YUZHONG, { now: NOW }))!;
    expect(overview.queues).toEqual([
      { stage: "SUBMITTED", workingDays: null, count: 1, dueToday: 0, overdue: 0 },
      { stage: "ACCEPTED", workingDays: 7, count: 2, dueToday: 1, overdue: 1 },
      { stage: "FIRST_REVIEW_PASSED", workingDays: 5, count: 1, dueToday: 0, overdue: 0 },
    ]);
    expect(overview.dueItems.map((i) => [i.status, i.dueDate, i.daysOverdue])).toEqual([
      ["ACCEPTED", "2025-06-06", 3],
      ["ACCEPTED", TODAY, 0],
    ]);
    expect(overview.dueItems[0]!.maskedResidentId).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  });

  it("lists current publicity, open objections, appeals, re-checks and rectifications due", async () => {
    const { batch, objection, appeal, late } = await seedCasework();
    const overview = (await getDistrictOverview(cast.yz1, YUZHONG, { now: NOW }))!;
    expect(overview.publicity).toEqual({
      total: 1,
      batches: [{ id: batch.id, title: "渝中区第一批公示", firstDay: "2025-06-10", endDate: "2025-06-16", entryCount: 1, openObjections: 1, hasEnded: false }],
    });
    expect(overview.objections.total).toBe(1);
    expect(overview.objections.items[0]).toMatchObject({ id: objection.objectionId, referenceNo: objection.referenceNo, batchId: batch.id, status: "RECEIVED" });
    expect(overview.appeals).toMatchObject({ total: 1, items: [{ id: appeal.id, appealedStatus: "FIRST_REVIEW_REJECTED", status: "LODGED" }] });
    expect(overview.rechecks).toEqual({ pending: 1 });
    expect(overview.rectifications).toMatchObject({ total: 2, overdue: 1, reported: 1 });
    expect(overview.rectifications.items.map((r) => [r.id === late.id, r.dueDate, r.daysOverdue])).toEqual([
      [true, "2025-06-06", 3],
      [false, "2025-06-20", 0],
    ]);

    // Shapingba has its applications but none of Yuzhong's publicity, objections, appeals or re-checks.
    const other = (await getDistrictOverview(cast.spb, SHAPINGBA, { now: NOW }))!;
    expect(other.queues.map((q) => q.count)).toEqual([1, 2, 1]);
    expect([other.publicity.total, other.objections.total, other.appeals.total, other.rechecks.pending, other.rectifications.total]).toEqual([0, 0, 0, 0, 0]);
  });

  it("is for the district's own officers and municipal officers only", async () => {
    await seedCasework();
    const read = (actor: Cast[keyof Cast], code: string) => outcome(() => getDistrictOverview(actor, code, { now: NOW }));
    expect(await read(cast.yz1, YUZHONG)).toBe("OK");
    expect(await read(cast.yz1, SHAPINGBA)).toBe("FORBIDDEN");
    expect(await read(cast.spb, YUZHONG)).toBe("FORBIDDEN");
    expect(await read(cast.city, YUZHONG)).toBe("OK");
    expect(await read(cast.city, SHAPINGBA)).toBe("OK");
    expect(await read(cast.applicant, YUZHONG)).toBe("FORBIDDEN");
    expect(await read(cast.admin, YUZHONG)).toBe("FORBIDDEN");
    expect(await getDistrictHeadline(cast.yz1, YUZHONG, { now: NOW })).toEqual({ reviewsDueToday: 1, rechecksPending: 1, rectificationsDue: 2 });
    expect(await outcome(() => getDistrictHeadline(cast.spb, YUZHONG, { now: NOW }))).toBe("FORBIDDEN");
    expect(await outcome(() => getDistrictHeadline(cast.admin, YUZHONG, { now: NOW }))).toBe("FORBIDDEN");
    // An unknown district is not found, for those who may read any.
    expect(await getDistrictOverview(cast.city, "500199", { now: NOW })).toBeNull();
    expect(await read(cast.yz1, "500199")).toBe("FORBIDDEN");
  });
});

// Every list the services offer, scoped by lib/auth/scope-where.ts against the real database: an
// officer of another district gets nothing, the district's officers get their district, municipal
// officers the city (or the district they choose), and roles without the permission are refused.
// Also: every entity's where-clause is a query PostgreSQL answers, for every kind of reach.
import { beforeEach, describe, expect, it } from "vitest";
import { listAppeals } from "@/lib/appeals/appeals";
import { appealFilterSchema } from "@/lib/appeals/schemas";
import { listAudits, listRectifications } from "@/lib/audits/audit-service";
import { listReadableDistricts } from "@/lib/auth/districts";
import type { Actor, Reach } from "@/lib/auth/permissions";
import { NOTHING, reachWhere, type ScopedEntity, type ScopedWhere } from "@/lib/auth/scope-where";
import { getMyApplicationStatus, listMyApplications } from "@/lib/applications/queries";
import { isAppError } from "@/lib/errors";
import { listPublishable, listStaffBatches } from "@/lib/publicity/batches";
import { listOpenObjections, lodgeObjection } from "@/lib/publicity/objections";
import { objectionSchema } from "@/lib/publicity/schemas";
import { listRechecks } from "@/lib/rechecks/recheck-service";
import { getReviewDashboard } from "@/lib/review/dashboard";
import { listReviewQueue } from "@/lib/review/queue";
import { queueFilterSchema } from "@/lib/review/schemas";
import { listBatches } from "@/lib/shared-data/import-service";
import { prisma, seedDistricts, truncateAll } from "./db";
import { cstInstant as cst, dateColumn as day } from "../support/clock";
import { SHAPINGBA, YUZHONG } from "../support/districts";
import { createApplication, createCast, type Cast } from "./review-fixtures";
import { createTestEstate } from "./estate-fixtures";

const NOW = cst("2025-06-11"); // Wednesday

let cast: Cast;

beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  cast = await createCast();
});

/** One of each kind of casework, all in Yuzhong. */
async function seedYuzhong() {
  const app = (status: Parameters<typeof createApplication>[0]["status"], data: Parameters<typeof createApplication>[0]["data"] = {}) =>
    createApplication({ status, districtCode: YUZHONG, applicantUserId: cast.applicant.id, data });
  const accepted = await app("ACCEPTED", { acceptedAt: cst("2025-05-27"), firstReviewDueDate: day("2025-06-06"), dueDate: day("2025-06-06") });
  await app("SECOND_REVIEW_PASSED");
  const listed = await app("IN_PUBLICITY");
  const batch = await prisma.publicityBatch.create({
    data: { districtCode: YUZHONG, title: "渝中区第一批公示", startDate: day("2025-06-09"), endDate: day("2025-06-16"), status: "PUBLISHED", publishedAt: cst("2025-06-09"), entryCount: 1 },
  });
  const entry = await prisma.publicityEntry.create({ data: { batchId: batch.id, applicationId: listed.id, applicationNo: listed.applicationNo, displayName: "张*", maskedResidentId: "500103********1234", householdSize: 1, position: 1 } });
  await lodgeObjection(objectionSchema.parse({ entryId: entry.id, contactName: "王先生", contactPhone: "13700000001", content: "该申请人名下在本市另有住房一套，请核查。" }), { now: NOW });
  const appealed = await app("APPEALED", { rejectionNotifiedAt: cst("2025-06-05") });
  await prisma.appeal.create({ data: { applicationId: appealed.id, appealedStatus: "FIRST_REVIEW_REJECTED", grounds: "我有劳动合同。", deadline: day("2025-06-19"), lodgedAt: cst("2025-06-06") } });
  const qualified = await app("QUALIFIED", { qualifiedAt: cst("2024-03-01") });
  const qualification = await prisma.qualification.create({ data: { applicationId: qualified.id, qualifiedOn: day("2024-03-01"), entitledUnitType: "STUDIO" } });
  await prisma.annualRecheck.create({ data: { kind: "QUALIFICATION", year: 2025, districtCode: YUZHONG, qualificationId: qualification.id, status: "PENDING" } });
  const audit = await prisma.reviewAudit.create({ data: { districtCode: YUZHONG, periodStart: day("2025-01-01"), periodEnd: day("2025-03-31"), auditorId: cast.city.id } });
  await prisma.rectification.create({ data: { auditId: audit.id, districtCode: YUZHONG, requirement: "补正初审记录", dueDate: day("2025-06-20") } });
  // Shared data: the batch belongs to its importer's district.
  await prisma.sharedDataImportBatch.create({
    data: { source: "TAX", fileName: "tax.csv", sha256: "a".repeat(64), status: "COMPLETED", importedById: cast.yz1.id },
  });
  return { accepted, qualified };
}

/** How many records each list gives the actor, or the code of the error it refuses with. */
async function lists(actor: Actor, district?: string): Promise<Record<string, number | string>> {
  const all = { district };
  const counts: Record<string, number | string> = {};
  const run = async (name: string, count: () => Promise<number>) => {
    try {
      counts[name] = await count();
    } catch (error) {
      if (!isAppError(error)) throw error;
      counts[name] = error.code;
    }
  };
  await run("queue", async () => (await listReviewQueue(actor, queueFilterSchema.parse(all), { now: NOW })).total);
  await run("dashboard", async () => {
    const dash = await getReviewDashboard(actor, { now: NOW });
    return Object.values(dash.counts).reduce((n, c) => n + c, 0) + dash.overdue + dash.openObjections + dash.pendingAppeals;
  });
  await run("publishable", async () => (await listPublishable(actor, all)).total);
  await run("batches", async () => (await listStaffBatches(actor, all, { now: NOW })).total);
  await run("objections", async () => (await listOpenObjections(actor)).length);
  await run("appeals", async () => (await listAppeals(actor, appealFilterSchema.parse(all))).total);
  await run("audits", async () => (await listAudits(actor, all)).total);
  await run("rectifications", async () => (await listRectifications(actor, { view: "ALL", district }, NOW)).total);
  await run("sharedData", async () => (await listBatches(actor, {})).total);
  await run("rechecks", async () => (await listRechecks(actor, { view: "ALL" })).total);
  await run("yuzhongRecords", async () => (await listReadableDistricts(actor, "application:read")).filter((d) => d.code === YUZHONG).length);
  return counts;
}

describe("every list keeps to the actor's reach", () => {
  it("an officer of another district gets nothing from any list, whatever district they ask for", async () => {
    await seedYuzhong();
    const nothing = { queue: 0, dashboard: 0, publishable: 0, batches: 0, objections: 0, appeals: "FORBIDDEN", audits: 0, rectifications: 0, sharedData: 0, rechecks: 0, yuzhongRecords: 0 };
    expect(await lists(cast.spb)).toEqual(nothing);
    expect(await lists(cast.spb, YUZHONG)).toEqual(nothing);
  });

  it("the district's officers get their district's casework", async () => {
    await seedYuzhong();
    // Dashboard: accepted, second review passed, in publicity, appealed; one overdue; one objection.
    const own = { queue: 1, dashboard: 6, publishable: 1, batches: 1, objections: 1, appeals: "FORBIDDEN", audits: 1, rectifications: 1, sharedData: 1, rechecks: 1, yuzhongRecords: 1 };
    expect(await lists(cast.yz1)).toEqual(own);
    expect(await lists(cast.yz2, SHAPINGBA)).toEqual(own);
  });

  it("municipal officers get the city, or the district they choose", async () => {
    await seedYuzhong();
    // The city dashboard adds the appeal awaiting the municipal decision.
    const city = { queue: 1, dashboard: 7, publishable: 1, batches: 1, objections: 1, appeals: 1, audits: 1, rectifications: 1, sharedData: 1, rechecks: "FORBIDDEN", yuzhongRecords: 1 };
    expect(await lists(cast.city)).toEqual(city);
    expect(await lists(cast.city, YUZHONG)).toEqual(city);
    expect(await lists(cast.city, SHAPINGBA)).toMatchObject({ queue: 0, publishable: 0, batches: 0, appeals: 0, audits: 0, rectifications: 0 });
  });

  it("applicants and administrators hold none of the officers' lists", async () => {
    await seedYuzhong();
    const refused = {
      queue: "FORBIDDEN",
      dashboard: "FORBIDDEN",
      publishable: "FORBIDDEN",
      batches: "FORBIDDEN",
      objections: "FORBIDDEN",
      appeals: "FORBIDDEN",
      audits: "FORBIDDEN",
      rectifications: "FORBIDDEN",
      sharedData: "FORBIDDEN",
      rechecks: "FORBIDDEN",
      yuzhongRecords: 0,
    };
    expect(await lists(cast.applicant)).toEqual(refused);
    expect(await lists(cast.admin)).toEqual(refused);
  });

  it("the applicant's own pages show what the actor holds in person, never the district's", async () => {
    const { accepted } = await seedYuzhong();
    expect((await listMyApplications(cast.applicant)).length).toBe(5);
    expect(await listMyApplications(cast.otherApplicant)).toEqual([]);
    const no = (await prisma.application.findUniqueOrThrow({ where: { id: accepted.id } })).applicationNo;
    expect((await getMyApplicationStatus(cast.applicant, no))?.record.id).toBe(accepted.id);
    for (const actor of [cast.otherApplicant, cast.yz1, cast.city, cast.admin]) {
      expect(await listMyApplications(actor)).toEqual([]);
      expect(await getMyApplicationStatus(actor, no)).toBeNull();
    }
  });
});

describe("every entity's where-clause is a query the database answers", () => {
  const delegates: { [E in ScopedEntity]: (where: ScopedWhere[E]) => Promise<number> } = {
    Application: (where) => prisma.application.count({ where }),
    Document: (where) => prisma.document.count({ where }),
    Appeal: (where) => prisma.appeal.count({ where }),
    PublicityBatch: (where) => prisma.publicityBatch.count({ where }),
    Objection: (where) => prisma.objection.count({ where }),
    ReviewAudit: (where) => prisma.reviewAudit.count({ where }),
    Rectification: (where) => prisma.rectification.count({ where }),
    SharedDataImportBatch: (where) => prisma.sharedDataImportBatch.count({ where }),
    AnnualRecheck: (where) => prisma.annualRecheck.count({ where }),
    RepairRequest: (where) => prisma.repairRequest.count({ where }),
    Inspection: (where) => prisma.inspection.count({ where }),
    RentStandard: (where) => prisma.rentStandard.count({ where }),
    Art12Conflict: (where) => prisma.art12Conflict.count({ where }),
    District: (where) => prisma.district.count({ where }),
    Lease: (where) => prisma.lease.count({ where }),
    Estate: (where) => prisma.estate.count({ where }),
    AllocationPlan: (where) => prisma.allocationPlan.count({ where }),
    BankCollectionFile: (where) => prisma.bankCollectionFile.count({ where }),
  };

  async function count<E extends ScopedEntity>(entity: E, reach: Reach): Promise<number | "nothing"> {
    const where = reachWhere(entity, reach);
    const countOf = delegates[entity] as (where: ScopedWhere[E]) => Promise<number>;
    return where === NOTHING ? "nothing" : countOf(where);
  }

  it("counts Yuzhong's records in Yuzhong, none in Shapingba, all city-wide", async () => {
    await seedYuzhong();
    const yuzhong = { kind: "district", districtCode: YUZHONG } as const;
    const shapingba = { kind: "district", districtCode: SHAPINGBA } as const;
    for (const entity of Object.keys(delegates) as ScopedEntity[]) {
      const inYuzhong = await count(entity, yuzhong);
      expect([entity, await count(entity, shapingba)]).toEqual([entity, entity === "District" ? 1 : 0]);
      expect([entity, await count(entity, { kind: "city" })]).toEqual([entity, entity === "District" ? 38 : inYuzhong]);
    }
    expect(await count("Application", yuzhong)).toBe(5);
    expect(await count("Objection", yuzhong)).toBe(1);
    expect(await count("SharedDataImportBatch", yuzhong)).toBe(1);
    expect(await count("Application", { kind: "own", userId: cast.applicant.id })).toBe(5);
    expect(await count("Appeal", { kind: "own", userId: cast.otherApplicant.id })).toBe(0);
  });

  it("finds a lease by its tenant, its household, its estate's operator and its district (ready for tenancy)", async () => {
    const { qualified } = await seedYuzhong();
    const estate = await createTestEstate({ code: "YZ-SCOPE", name: "测试小区", districtCode: YUZHONG, level: "MUNICIPAL" });
    const building = await prisma.building.create({ data: { estateId: estate.id, name: "1栋", floors: 10 } });
    const unit = await prisma.unit.create({
      data: { estateId: estate.id, buildingId: building.id, unitNo: "101", floor: 1, unitType: "STUDIO", floorAreaDm2: 3000, marketRentFen: 200000, standardRentFen: 120000 },
    });
    await prisma.lease.create({
      data: { leaseNo: "L-SCOPE", applicationId: qualified.id, unitId: unit.id, tenantUserId: cast.applicant.id, termMonths: 12, startDate: day("2025-01-01"), endDate: day("2025-12-31"), monthlyRentFen: 100000 },
    });
    const found = async (reach: Reach) => count("Lease", reach);
    expect(await found({ kind: "own", userId: cast.applicant.id })).toBe(1);
    expect(await found({ kind: "own", userId: cast.otherApplicant.id })).toBe(0);
    expect(await found({ kind: "household", householdId: qualified.id })).toBe(1);
    expect(await found({ kind: "household", householdId: "another-household" })).toBe(0);
    expect(await found({ kind: "estates", estateIds: [estate.id] })).toBe(1);
    expect(await found({ kind: "estates", estateIds: ["another-estate"] })).toBe(0);
    expect(await found({ kind: "district", districtCode: YUZHONG })).toBe(1);
    expect(await found({ kind: "district", districtCode: SHAPINGBA })).toBe(0);
    expect(await found({ kind: "all" })).toBe(1);
    // A household reaches its own application, too.
    expect(await count("Application", { kind: "household", householdId: qualified.id })).toBe(1);
  });
});

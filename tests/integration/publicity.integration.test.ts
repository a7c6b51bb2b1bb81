import { beforeEach, describe, expect, it } from "vitest";
import { getPublicBatch, getStaffBatch, listPublicBatches, listPublishable, listStaffBatches, publishBatch } from "@/lib/publicity/batches";
import { closeEndedPublicity } from "@/lib/publicity/close-publicity";
import { listPublicBatchEntries, listStaffBatchEntries } from "@/lib/publicity/entries";
import { decideObjection, listOpenObjections, lodgeObjection, startInvestigation } from "@/lib/publicity/objections";
import { batchListFilterSchema, objectionSchema } from "@/lib/publicity/schemas";
import { addWorkingDays } from "@/lib/rules";
import { prisma, seedDistricts, truncateAll } from "./db";
import { errorKey, outcome } from "../support/app-errors";
import { cstInstant, dateColumn } from "../support/clock";
import { SHAPINGBA, YUZHONG } from "../support/districts";
import { createApplication, createCast, statusOf, type AppFixture, type Cast } from "./review-fixtures";

const NOW = cstInstant("2025-06-09"); // Monday
const START = "2025-06-09"; // the publication day: it does not count
const FIRST = "2025-06-10"; // the first of the 5 working days
const END = "2025-06-16"; // the 5th working day after the start

let cast: Cast;

beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  cast = await createCast();
});

async function awaitingPublicity(n: number, districtCode = YUZHONG): Promise<AppFixture[]> {
  const apps: AppFixture[] = [];
  for (let i = 0; i < n; i++) {
    apps.push(await createApplication({ status: "SECOND_REVIEW_PASSED", districtCode, applicantUserId: cast.applicant.id, spouse: i === 0, applicantName: `欧阳娜娜${i}` }));
  }
  return apps;
}

async function published(n: number) {
  const apps = await awaitingPublicity(n);
  const batch = await publishBatch(cast.yz1, { districtCode: YUZHONG, applicationIds: apps.map((a) => a.id), title: "" }, { now: NOW });
  const entries = await prisma.publicityEntry.findMany({ where: { batchId: batch.batchId }, select: { id: true, applicationId: true } });
  const entryOf = (app: AppFixture) => entries.find((e) => e.applicationId === app.id)!.id;
  return { apps, batch, entryOf };
}

const objection = (entryId: string, phone = "13700000001") =>
  objectionSchema.parse({ entryId, contactName: "王先生", contactPhone: phone, content: "该申请人名下在本市另有住房一套，请核查。" });

describe("publishing a batch", () => {
  it("publishes for 5 working days: applications in publicity, masked entries, applicants told", async () => {
    const apps = await awaitingPublicity(2);
    const batch = await publishBatch(cast.yz1, { districtCode: YUZHONG, applicationIds: apps.map((a) => a.id), title: "" }, { now: NOW });
    expect(batch).toMatchObject({ startDate: START, firstDay: FIRST, endDate: END, count: 2 });
    expect(addWorkingDays(START, 5)).toBe(END);
    const row = await prisma.publicityBatch.findUniqueOrThrow({ where: { id: batch.batchId } });
    expect(row).toMatchObject({ status: "PUBLISHED", publishedById: cast.yz1.id, districtCode: YUZHONG });
    expect(row.title).toContain("渝中区");
    for (const app of apps) {
      const a = await prisma.application.findUniqueOrThrow({ where: { id: app.id } });
      expect(a.status).toBe("IN_PUBLICITY");
      expect(a.dueDate).toEqual(dateColumn(END));
    }
    const entry = await prisma.publicityEntry.findFirstOrThrow({ where: { applicationId: apps[0]!.id } });
    expect(entry).toMatchObject({ displayName: "欧****", householdSize: 2 });
    expect(entry.maskedResidentId).toBe(`${apps[0]!.applicantResidentId.slice(0, 6)}********${apps[0]!.applicantResidentId.slice(-4)}`);
    const notice = await prisma.notification.findFirstOrThrow({ where: { applicationId: apps[0]!.id, channel: "SMS" } });
    expect(notice).toMatchObject({ templateKey: "publicity.published", params: { applicationNo: apps[0]!.applicationNo, startDate: FIRST, endDate: END } });
    // Staff and public pages show the period as counted, from the first working day after publication.
    expect(await getStaffBatch(cast.yz1, batch.batchId, { now: NOW })).toMatchObject({ publishedOn: START, firstDay: FIRST, endDate: END, isOpen: true });
    expect(await getPublicBatch(batch.batchId, { now: NOW })).toMatchObject({ publishedOn: START, firstDay: FIRST, endDate: END, isOpen: true });
    expect((await listPublicBatches({}, { now: NOW })).items[0]).toMatchObject({ publishedOn: START, firstDay: FIRST, endDate: END });
  });

  it("is all or nothing: refuses applications not awaiting publicity or of another district", async () => {
    const [ok] = await awaitingPublicity(1);
    const notYet = await createApplication({ status: "FIRST_REVIEW_PASSED" });
    const [elsewhere] = await awaitingPublicity(1, SHAPINGBA);
    for (const bad of [notYet, elsewhere!]) {
      expect(await errorKey(() => publishBatch(cast.yz1, { districtCode: YUZHONG, applicationIds: [ok!.id, bad.id], title: "" }, { now: NOW }))).toBe(
        "publicity.errors.notPublishable",
      );
    }
    expect(await statusOf(ok!.id)).toBe("SECOND_REVIEW_PASSED");
    expect(await prisma.publicityBatch.count()).toBe(0);
  });

  it("permission matrix: district officers for their district, municipal officers anywhere", async () => {
    const attempt = async (actor: Cast[keyof Cast], districtCode: string) => {
      const apps = await awaitingPublicity(1, districtCode);
      return outcome(() => publishBatch(actor, { districtCode, applicationIds: apps.map((a) => a.id), title: "" }, { now: NOW }));
    };
    expect(await attempt(cast.yz1, YUZHONG)).toBe("OK");
    expect(await attempt(cast.spb, YUZHONG)).toBe("FORBIDDEN");
    expect(await attempt(cast.city, YUZHONG)).toBe("OK");
    expect(await attempt(cast.city, SHAPINGBA)).toBe("OK");
    expect(await attempt(cast.admin, YUZHONG)).toBe("FORBIDDEN");
    expect(await attempt(cast.applicant, YUZHONG)).toBe("FORBIDDEN");
    expect(await outcome(() => listPublishable(cast.applicant))).toBe("FORBIDDEN");
    expect(await outcome(() => listStaffBatches(cast.admin, batchListFilterSchema.parse({})))).toBe("FORBIDDEN");
  });

  it("lists what awaits publicity within the officer's reach", async () => {
    await awaitingPublicity(2, YUZHONG);
    await awaitingPublicity(1, SHAPINGBA);
    expect((await listPublishable(cast.yz1)).total).toBe(2);
    expect((await listPublishable(cast.spb)).total).toBe(1);
    expect((await listPublishable(cast.city)).items).toHaveLength(3);
    expect((await listPublishable(cast.city, { district: SHAPINGBA })).total).toBe(1);
    const list = await listPublishable(cast.yz1);
    expect(list.items[0]!.maskedResidentId).toContain("********");
  });
});

describe("the public pages", () => {
  it("show masked names and IDs, household size, district, level and unit type, never incomes or full IDs", async () => {
    const { apps, batch } = await published(2);
    const page = await getPublicBatch(batch.batchId, { now: NOW });
    expect(page).not.toBeNull();
    expect(page!.isOpen).toBe(true);
    expect(page!.districtName).toBe("渝中区");
    expect(page!.entryCount).toBe(2);
    const entries = await listPublicBatchEntries(batch.batchId, {}, { now: NOW });
    expect(entries!.items).toHaveLength(2);
    expect(entries!.items[0]).toMatchObject({ householdSize: 2, estateLevel: "MUNICIPAL", unitType: "ONE_BEDROOM", acceptsObjections: true });
    const json = JSON.stringify({ page, entries });
    for (const app of apps) expect(json).not.toContain(app.applicantResidentId);
    expect(json).not.toMatch(/欧阳娜娜/);
    expect(json).not.toMatch(/income/i);
    const list = await listPublicBatches(batchListFilterSchema.parse({}), { now: NOW });
    expect(list.items.map((b) => b.id)).toEqual([batch.batchId]);
    expect((await listPublicBatches(batchListFilterSchema.parse({ district: SHAPINGBA }), { now: NOW })).total).toBe(0);
  });

  it("closes objections once the period is over", async () => {
    const { batch } = await published(1);
    const after = await getPublicBatch(batch.batchId, { now: cstInstant("2025-06-17") });
    expect(after!.isOpen).toBe(false);
    expect((await listPublicBatchEntries(batch.batchId, {}, { now: cstInstant("2025-06-17") }))!.items[0]!.acceptsObjections).toBe(false);
    expect(await getPublicBatch("no-such-batch")).toBeNull();
    expect(await listPublicBatchEntries("no-such-batch")).toBeNull();
  });
});

describe("objections", () => {
  it("anyone may object during the period, first day to last", async () => {
    const { apps, entryOf } = await published(1);
    const entryId = entryOf(apps[0]!);
    await lodgeObjection(objection(entryId), { now: cstInstant(START, "08:00") });
    await lodgeObjection(objection(entryId, "13700000002"), { now: cstInstant(END, "23:59") });
    const rows = await prisma.objection.findMany({ where: { entryId } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ status: "RECEIVED", contactName: "王先生" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "objection.lodge" } });
    expect(JSON.stringify(audit.data)).not.toContain("13700000001");
  });

  it("gives each objection a reference number per district and year, shown to the officers only", async () => {
    const { apps, batch, entryOf } = await published(2);
    const first = await lodgeObjection(objection(entryOf(apps[0]!)), { now: NOW });
    const second = await lodgeObjection(objection(entryOf(apps[1]!), "13700000002"), { now: NOW });
    expect([first.referenceNo, second.referenceNo]).toEqual(["YY-500103-2025-000001", "YY-500103-2025-000002"]);
    // Another district counts on its own; the year is the CST year of lodging.
    const [elsewhere] = await awaitingPublicity(1, SHAPINGBA);
    const spb = await publishBatch(cast.spb, { districtCode: SHAPINGBA, applicationIds: [elsewhere!.id], title: "" }, { now: NOW });
    const spbEntry = await prisma.publicityEntry.findFirstOrThrow({ where: { batchId: spb.batchId } });
    expect((await lodgeObjection(objection(spbEntry.id, "13700000003"), { now: NOW })).referenceNo).toBe("YY-500106-2025-000001");
    expect(await prisma.objection.findUniqueOrThrow({ where: { referenceNo: first.referenceNo }, select: { id: true } })).toEqual({ id: first.objectionId });

    const staff = await listStaffBatchEntries(cast.yz1, batch.batchId);
    expect(staff!.items.flatMap((e) => e.objections.map((o) => o.referenceNo)).sort()).toEqual([first.referenceNo, second.referenceNo]);
    expect((await listOpenObjections(cast.yz1)).map((o) => o.referenceNo).sort()).toEqual([first.referenceNo, second.referenceNo]);
    // The public list says nothing about objections, their numbers included.
    expect(JSON.stringify(await getPublicBatch(batch.batchId, { now: NOW }))).not.toContain("YY-");
    expect(JSON.stringify(await listPublicBatchEntries(batch.batchId, {}, { now: NOW }))).not.toContain("YY-");
  });

  it("refuses objections outside the period with the period in the message", async () => {
    const { apps, entryOf } = await published(1);
    const entryId = entryOf(apps[0]!);
    try {
      await lodgeObjection(objection(entryId), { now: cstInstant("2025-06-17", "00:00") });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "CONFLICT", messageKey: "publicity.errors.outsidePeriod", values: { publishedOn: START, startDate: FIRST, endDate: END } });
    }
    expect(await errorKey(() => lodgeObjection(objection(entryId), { now: cstInstant("2025-06-08", "23:59") }))).toBe("publicity.errors.outsidePeriod");
    expect(await errorKey(() => lodgeObjection(objection("nope"), { now: NOW }))).toBe("publicity.errors.entryNotFound");
  });

  it("is rate-limited by phone and by address", async () => {
    const { apps, entryOf } = await published(1);
    const entryId = entryOf(apps[0]!);
    for (let i = 0; i < 5; i++) await lodgeObjection(objection(entryId, "13700000009"), { now: NOW, clientIp: "10.0.0.1" });
    expect(await outcome(() => lodgeObjection(objection(entryId, "13700000009"), { now: NOW, clientIp: "10.0.0.2" }))).toBe("RATE_LIMITED");
    for (let i = 0; i < 5; i++) await lodgeObjection(objection(entryId, `1370000010${i}`), { now: NOW, clientIp: "10.0.0.1" });
    expect(await outcome(() => lodgeObjection(objection(entryId, "13700000200"), { now: NOW, clientIp: "10.0.0.1" }))).toBe("RATE_LIMITED");
    expect(await outcome(() => lodgeObjection(objection(entryId, "13700000201"), { now: NOW, clientIp: "10.0.0.3" }))).toBe("OK");
  });

  it("validates the contact details", () => {
    const bad = objectionSchema.safeParse({ entryId: "e", contactName: "", contactPhone: "12345", content: "短" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(["contactName", "contactPhone", "content"]);
  });

  it("upheld: a reasoned refusal, appeal within 10 working days; further objections refused", async () => {
    const { apps, entryOf } = await published(2);
    const [target, other] = apps as [AppFixture, AppFixture];
    await lodgeObjection(objection(entryOf(target)), { now: NOW });
    const [obj] = await prisma.objection.findMany({ where: { entryId: entryOf(target) } });
    await startInvestigation(cast.yz2, { objectionId: obj!.id });
    expect(await errorKey(() => startInvestigation(cast.yz2, { objectionId: obj!.id }))).toBe("publicity.errors.alreadyInvestigating");
    const decidedAt = cstInstant("2025-06-11");
    const result = await decideObjection(cast.yz2, { objectionId: obj!.id, outcome: "UPHELD", findings: "经不动产登记核实，申请人名下有住房120平方米。" }, { now: decidedAt });
    expect(result.applicationStatus).toBe("OBJECTION_UPHELD");
    const app = await prisma.application.findUniqueOrThrow({ where: { id: target.id } });
    expect(app.status).toBe("OBJECTION_UPHELD");
    expect(app.rejectionNotifiedAt).toEqual(decidedAt);
    expect(app.appealDueDate).toEqual(dateColumn(addWorkingDays("2025-06-11", 10)));
    expect(await prisma.publicityEntry.findUniqueOrThrow({ where: { id: entryOf(target) } })).toMatchObject({ outcome: "OBJECTION_UPHELD" });
    expect(await prisma.objection.findUniqueOrThrow({ where: { id: obj!.id } })).toMatchObject({ status: "CLOSED", outcome: "UPHELD", investigatorId: cast.yz2.id });
    expect(await prisma.notification.count({ where: { applicationId: target.id, templateKey: "publicity.objectionUpheld" } })).toBe(2);
    expect(await statusOf(other.id)).toBe("IN_PUBLICITY");
    expect(await errorKey(() => decideObjection(cast.yz2, { objectionId: obj!.id, outcome: "NOT_UPHELD", findings: "重复提交的决定" }))).toBe(
      "publicity.errors.objectionAlreadyDecided",
    );
    expect(await errorKey(() => lodgeObjection(objection(entryOf(target)), { now: decidedAt }))).toBe("publicity.errors.entryClosed");
  });

  it("permission matrix for investigating and deciding", async () => {
    const { apps, entryOf } = await published(1);
    await lodgeObjection(objection(entryOf(apps[0]!)), { now: NOW });
    const obj = await prisma.objection.findFirstOrThrow();
    const decide = (actor: Cast[keyof Cast]) => outcome(() => decideObjection(actor, { objectionId: obj.id, outcome: "NOT_UPHELD", findings: "经核查，异议不成立。" }, { now: NOW }));
    for (const actor of [cast.spb, cast.city, cast.admin, cast.applicant]) {
      expect(await outcome(() => startInvestigation(actor, { objectionId: obj.id }))).toBe("FORBIDDEN");
      expect(await decide(actor)).toBe("FORBIDDEN");
    }
    expect(await decide(cast.yz1)).toBe("OK");
    expect(await outcome(() => listOpenObjections(cast.applicant))).toBe("FORBIDDEN");
  });

  it("staff see the objections of their district's batches", async () => {
    const { apps, batch, entryOf } = await published(1);
    await lodgeObjection(objection(entryOf(apps[0]!)), { now: NOW });
    expect(await listOpenObjections(cast.yz1)).toHaveLength(1);
    expect(await listOpenObjections(cast.spb)).toHaveLength(0);
    expect(await listOpenObjections(cast.city)).toHaveLength(1);
    const staff = await getStaffBatch(cast.yz1, batch.batchId, { now: NOW });
    expect(staff!.openObjections).toBe(1);
    expect(staff!.objectionEntries).toEqual([{ applicationNo: apps[0]!.applicationNo, displayName: expect.any(String), openObjections: 1 }]);
    expect((await listStaffBatchEntries(cast.yz1, batch.batchId))!.items[0]!.objections[0]!.contactPhone).toBe("13700000001");
    expect(await outcome(() => getStaffBatch(cast.spb, batch.batchId))).toBe("FORBIDDEN");
    expect(await outcome(() => listStaffBatchEntries(cast.spb, batch.batchId))).toBe("FORBIDDEN");
    const list = await listStaffBatches(cast.yz1, batchListFilterSchema.parse({}), { now: NOW });
    expect(list.items[0]).toMatchObject({ id: batch.batchId, openObjections: 1, isOpen: true });
  });
});

describe("end of publicity (scheduled job)", () => {
  it("does nothing on the last day; the day after, qualifies entries without open or upheld objections", async () => {
    const { apps, batch, entryOf } = await published(3);
    const [clean, pending, upheld] = apps as [AppFixture, AppFixture, AppFixture];
    await lodgeObjection(objection(entryOf(pending)), { now: NOW });
    await lodgeObjection(objection(entryOf(upheld), "13700000003"), { now: NOW });
    const upheldObjection = await prisma.objection.findFirstOrThrow({ where: { entryId: entryOf(upheld) } });
    await decideObjection(cast.yz1, { objectionId: upheldObjection.id, outcome: "UPHELD", findings: "经核查异议成立。" }, { now: NOW });

    expect(await closeEndedPublicity(cstInstant(END, "23:59"))).toEqual({ qualified: 0, waiting: 0, closedBatches: 0 });
    expect(await statusOf(clean.id)).toBe("IN_PUBLICITY");

    const dayAfter = cstInstant("2025-06-17", "00:01");
    expect(await closeEndedPublicity(dayAfter)).toEqual({ qualified: 1, waiting: 1, closedBatches: 0 });
    const row = await prisma.application.findUniqueOrThrow({ where: { id: clean.id }, include: { qualification: true } });
    expect(row.status).toBe("QUALIFIED");
    expect(row.qualifiedAt).toEqual(dayAfter);
    // The first entry has a spouse: two people, a one-bedroom (Art. 21).
    expect(row.qualification).toMatchObject({ qualifiedOn: dateColumn("2025-06-17"), entitledUnitType: "ONE_BEDROOM", status: "ACTIVE", isPriority: false });
    expect(await prisma.publicityEntry.findUniqueOrThrow({ where: { id: entryOf(clean) } })).toMatchObject({ outcome: "QUALIFIED" });
    expect(await prisma.notification.count({ where: { applicationId: clean.id, templateKey: "publicity.qualified" } })).toBe(2);
    expect(await statusOf(pending.id)).toBe("IN_PUBLICITY");
    expect(await statusOf(upheld.id)).toBe("OBJECTION_UPHELD");

    // Idempotent.
    expect(await closeEndedPublicity(dayAfter)).toEqual({ qualified: 0, waiting: 1, closedBatches: 0 });

    // The open objection is found not upheld after the period: the next run qualifies and closes the batch.
    const open = await prisma.objection.findFirstOrThrow({ where: { entryId: entryOf(pending) } });
    await decideObjection(cast.yz1, { objectionId: open.id, outcome: "NOT_UPHELD", findings: "经核查，异议所述住房已于五年前出售。" }, { now: cstInstant("2025-06-18") });
    expect(await statusOf(pending.id)).toBe("IN_PUBLICITY");
    expect(await closeEndedPublicity(cstInstant("2025-06-18", "10:01"))).toEqual({ qualified: 1, waiting: 0, closedBatches: 1 });
    expect(await statusOf(pending.id)).toBe("QUALIFIED");
    expect(await prisma.publicityBatch.findUniqueOrThrow({ where: { id: batch.batchId } })).toMatchObject({ status: "CLOSED" });
    expect(await closeEndedPublicity(cstInstant("2025-06-19"))).toEqual({ qualified: 0, waiting: 0, closedBatches: 0 });
  });

  it("does not qualify through an old batch an application re-published in a new one", async () => {
    const { apps, batch, entryOf } = await published(2);
    const [a, b] = apps as [AppFixture, AppFixture];
    // a: objection upheld, appealed, returned, reviewed again and re-published later.
    await lodgeObjection(objection(entryOf(a)), { now: NOW });
    await lodgeObjection(objection(entryOf(b), "13700000005"), { now: NOW });
    const obj = await prisma.objection.findFirstOrThrow({ where: { entryId: entryOf(a) } });
    await decideObjection(cast.yz1, { objectionId: obj.id, outcome: "UPHELD", findings: "经核查异议成立。" }, { now: NOW });
    await prisma.application.update({ where: { id: a.id }, data: { status: "SECOND_REVIEW_PASSED" } });
    const again = await publishBatch(cast.yz1, { districtCode: YUZHONG, applicationIds: [a.id], title: "" }, { now: cstInstant("2025-06-16") });
    // Old batch over, b still waits on its objection: a must not be qualified through the old entry.
    expect(await closeEndedPublicity(cstInstant("2025-06-17"))).toEqual({ qualified: 0, waiting: 1, closedBatches: 0 });
    expect(await statusOf(a.id)).toBe("IN_PUBLICITY");
    expect(again.endDate).toBe(addWorkingDays("2025-06-16", 5));
    expect(await prisma.publicityBatch.findUniqueOrThrow({ where: { id: batch.batchId } })).toMatchObject({ status: "PUBLISHED" });
  });

  it("qualifies a priority household as such (Art. 22)", async () => {
    const app = await createApplication({ status: "SECOND_REVIEW_PASSED", data: { isPriority: true } });
    await publishBatch(cast.yz1, { districtCode: YUZHONG, applicationIds: [app.id], title: "自定义标题" }, { now: NOW });
    await closeEndedPublicity(cstInstant("2025-06-17"));
    const q = await prisma.qualification.findUniqueOrThrow({ where: { applicationId: app.id } });
    expect(q).toMatchObject({ isPriority: true, entitledUnitType: "STUDIO" });
    expect(await prisma.publicityBatch.findFirstOrThrow()).toMatchObject({ title: "自定义标题", status: "CLOSED" });
  });
});

// Annual re-check (Art. 20): qualified households re-assessed with lib/rules against the latest
// shared data; those no longer eligible are listed; confirming cancels (state machine, notices
// without incomes or IDs), dismissing keeps the qualification; runs are idempotent.
import { beforeEach, describe, expect, it } from "vitest";
import {
  ANNUAL_RECHECK_START,
  confirmRecheckCancellation,
  dismissRecheck,
  getRecheck,
  listRechecks,
  runAnnualRecheck,
  runDueRechecks,
  type RecheckFindings,
} from "@/lib/rechecks/recheck-service";
import { createCast, createHousehold, csv, importFile, seedReferenceIncome, type Cast, type HouseholdFixture } from "../fixtures/shared-data/factories";
import { expectAppError } from "../support/app-errors";
import { cstInstant } from "../support/clock";
import { SHAPINGBA, YUZHONG } from "../support/districts";
import { localizeNotificationParams } from "@/lib/notifications/params";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createTestEstate } from "./estate-fixtures";

const NOW = cstInstant("2026-11-29", "10:00");
let cast: Cast;
let over: HouseholdFixture; // shared income now above the limit
let fine: HouseholdFixture; // still eligible


beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  await seedReferenceIncome();
  cast = await createCast();
  over = await createHousehold({ applicantUserId: cast.applicant.id, contactPhone: "13800001111" });
  fine = await createHousehold({});
  const overApplicant = over.members.find((m) => m.relationship === "APPLICANT")!;
  const fineApplicant = fine.members.find((m) => m.relationship === "APPLICANT")!;
  // Declared 40,000 + 30,000 yuan for two people; the tax bureau now reports 90,000 for the
  // applicant: (90,000 + 30,000) / 2 = 60,000 > 1.1 × 52,384 = 57,622.40 (Art. 13.4).
  await importFile(
    cast.yz,
    "TAX",
    csv(["身份证号", "姓名", "纳税年度", "年收入(元)"], [
      [overApplicant.residentId, "张伟", 2025, "90000.00"],
      [fineApplicant.residentId, "张伟", 2025, "41000.00"],
    ]),
    { asOfDate: "2026-06-30" },
  );
  const estate = await createTestEstate({ code: "T-YZ-1", name: "测试小区", districtCode: YUZHONG, level: "DISTRICT", ownerName: "渝中区住房保障中心", operatorName: "渝中区公租房运营公司", address: "重庆市渝中区测试路1号" });
  await prisma.waitingListEntry.create({
    data: { applicationId: over.applicationId, estateId: estate.id, unitType: "ONE_BEDROOM", acceptedAt: cstInstant("2026-03-02") },
  });
});

describe("running the re-check", () => {
  it("lists a qualified household whose shared income now exceeds the limit, with reasons by article", async () => {
    const run = await runAnnualRecheck({ districtCode: YUZHONG, year: 2026, actor: cast.yz, now: NOW });
    expect(run).toEqual({ year: 2026, districtCode: YUZHONG, checked: 2, flagged: 1, passed: 1 });

    const pending = await listRechecks(cast.yz, {});
    expect(pending.pendingTotal).toBe(1);
    expect(pending.items.map((r) => r.qualification?.application.applicationNo)).toEqual([over.applicationNo]);
    const row = pending.items[0]!;
    expect(row.status).toBe("PENDING");
    expect(row.reasons).toBe("家庭人均收入超过规定标准（第十三条第四项）");
    const findings = row.findings as unknown as RecheckFindings;
    expect(findings).toMatchObject({ eligible: false, checkedOn: "2026-11-29", referenceIncomeYear: 2025, referenceIncomeFen: 5_238_400, perCapitaIncomeFen: 6_000_000 });
    expect(findings.reasons.map((r) => [r.code, r.article])).toEqual([["INCOME_ABOVE_LIMIT", "13.4"]]);
    expect(findings.changes).toContainEqual(expect.objectContaining({ kind: "income", declaredFen: 4_000_000, recordedFen: 9_000_000, source: "TAX" }));

    const passed = await listRechecks(cast.yz, { view: "PASSED" });
    expect(passed.items.map((r) => r.qualification?.application.applicationNo)).toEqual([fine.applicationNo]);
    expect((await listRechecks(cast.yz, { view: "ALL", q: over.applicationNo })).total).toBe(1);
    expect((await listRechecks(cast.yz, { view: "ALL", year: 2025 })).total).toBe(0);
    expect((await listRechecks(cast.yz, { view: "ALL" })).years).toEqual([2026]);
  });

  it("is idempotent: a second run checks nobody twice", async () => {
    await runAnnualRecheck({ districtCode: YUZHONG, year: 2026, actor: cast.yz, now: NOW });
    const again = await runAnnualRecheck({ districtCode: YUZHONG, year: 2026, actor: cast.yz, now: NOW });
    expect(again.checked).toBe(0);
    expect(await prisma.annualRecheck.count()).toBe(2);
    // A household qualified since is checked by the next run.
    await createHousehold({});
    expect((await runAnnualRecheck({ districtCode: YUZHONG, year: 2026, actor: cast.yz, now: NOW })).checked).toBe(1);
  });

  it("the yearly job runs once per district and year, from its start date", async () => {
    expect(await runDueRechecks(cstInstant("2026-02-27"))).toBe("not due");
    expect(ANNUAL_RECHECK_START).toBe("03-01");
    expect(await runDueRechecks(NOW)).toBe(`${YUZHONG}: 2 checked, 1 listed`);
    await createHousehold({});
    expect(await runDueRechecks(NOW)).toBe("nothing due");
    expect(await prisma.annualRecheck.count()).toBe(2);
    const spb = await createHousehold({ districtCode: SHAPINGBA });
    expect(await runDueRechecks(NOW)).toBe(`${SHAPINGBA}: 1 checked, 0 listed`);
    expect(await prisma.annualRecheck.count({ where: { qualificationId: spb.qualificationId } })).toBe(1);
    // The next year it runs again.
    expect(await runDueRechecks(cstInstant("2027-03-01"))).toContain(`${YUZHONG}: 3 checked`);
  });

  it("without a reference income the re-check refuses to guess", async () => {
    await prisma.referenceIncome.deleteMany();
    await expectAppError(runAnnualRecheck({ districtCode: YUZHONG, year: 2026, actor: cast.yz, now: NOW }), "CONFLICT");
  });
});

describe("deciding", () => {
  beforeEach(async () => {
    await runAnnualRecheck({ districtCode: YUZHONG, year: 2026, actor: cast.yz, now: NOW });
  });
  const pendingId = async () => (await listRechecks(cast.yz, {})).items[0]!.id;

  it("confirming cancels the qualification, removes the waiting-list place and tells the applicant", async () => {
    const recheckId = await pendingId();
    await confirmRecheckCancellation(cast.yz, { recheckId, note: "请于30日内办理退出轮候手续。" }, NOW);

    const app = await prisma.application.findUnique({
      where: { id: over.applicationId },
      select: { status: true, closedAt: true, qualification: { select: { status: true, cancelReason: true, cancelledById: true } } },
    });
    expect(app?.status).toBe("CANCELLED");
    expect(app?.closedAt).not.toBeNull();
    expect(app?.qualification).toMatchObject({ status: "CANCELLED", cancelledById: cast.yz.id });
    expect(app?.qualification?.cancelReason).toContain("第十三条第四项");

    const event = await prisma.applicationStatusEvent.findFirst({ where: { applicationId: over.applicationId }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ fromStatus: "QUALIFIED", toStatus: "CANCELLED", actorId: cast.yz.id });
    expect(event).toMatchObject({
      reason: "请于30日内办理退出轮候手续。",
      reasonKey: "recheckCancelled",
      reasonParams: { articles: ["20"], codes: ["INCOME_ABOVE_LIMIT"] },
    });
    const qualification = await prisma.qualification.findFirstOrThrow({ where: { applicationId: over.applicationId } });
    expect(qualification.cancelReason).toBe(
      "年度复核（第二十条）：经与共享数据比对，家庭已不再符合公共租赁住房申请条件：家庭人均收入超过规定标准（第十三条第四项）。配租资格予以取消。说明：请于30日内办理退出轮候手续。",
    );
    expect(await prisma.waitingListEntry.findFirst({ where: { applicationId: over.applicationId }, select: { status: true } })).toEqual({ status: "REMOVED" });

    const notices = await prisma.notification.findMany({ where: { applicationId: over.applicationId }, orderBy: { channel: "asc" } });
    expect(notices.map((n) => [n.channel, n.templateKey, n.recipientUserId, n.recipientPhone])).toEqual([
      ["IN_APP", "rechecks.cancelled", cast.applicant.id, null],
      ["SMS", "rechecks.cancelled", cast.applicant.id, "13800001111"],
    ]);
    const params = JSON.stringify(notices.map((n) => n.params));
    expect(notices[0]!.params).toMatchObject({ reasonCodes: "INCOME_ABOVE_LIMIT" });
    expect(localizeNotificationParams(notices[0]!.params, "zh-CN").reasons).toBe("家庭人均收入超过规定标准（第十三条第四项）");
    for (const member of over.members) expect(params).not.toContain(member.residentId);
    expect(params).not.toMatch(/90000|9000000|60000/);

    const row = await getRecheck(cast.yz, recheckId);
    expect(row).toMatchObject({ status: "FAILED", decidedBy: { name: cast.yz.name } });
    const audit = await prisma.auditLog.findMany({ where: { OR: [{ entityId: recheckId }, { entityId: over.applicationId }] }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["recheck.cancel", "recheck.confirm"]);
    // Decided once only.
    await expectAppError(confirmRecheckCancellation(cast.yz, { recheckId }, NOW), "CONFLICT");
    await expectAppError(dismissRecheck(cast.yz, { recheckId, reason: "数据有误，已核实" }, NOW), "CONFLICT");
    expect((await listRechecks(cast.yz, { view: "CANCELLED" })).total).toBe(1);
  });

  it("dismissing keeps the household QUALIFIED and records the reason", async () => {
    const recheckId = await pendingId();
    await dismissRecheck(cast.yz, { recheckId, reason: "税务记录含一次性补发收入，经核实未超标。" }, NOW);
    const app = await prisma.application.findUnique({ where: { id: over.applicationId }, select: { status: true, qualification: { select: { status: true } } } });
    expect(app).toEqual({ status: "QUALIFIED", qualification: { status: "ACTIVE" } });
    const row = await getRecheck(cast.yz, recheckId);
    expect(row).toMatchObject({ status: "PASSED", reasons: "经核实保留资格：税务记录含一次性补发收入，经核实未超标。" });
    expect(await prisma.notification.count()).toBe(0);
    expect((await listRechecks(cast.yz, { view: "DISMISSED" })).total).toBe(1);
    expect((await listRechecks(cast.yz, { view: "PASSED" })).total).toBe(1);
    const audit = await prisma.auditLog.findFirst({ where: { entityId: recheckId, action: "recheck.dismiss" } });
    expect(audit?.actorId).toBe(cast.yz.id);
  });

  it("a concurrent change to the application makes the cancellation fail as a whole", async () => {
    const recheckId = await pendingId();
    await prisma.application.update({ where: { id: over.applicationId }, data: { status: "ALLOCATED" } });
    await prisma.application.update({ where: { id: over.applicationId }, data: { status: "HOUSED" } });
    await expectAppError(confirmRecheckCancellation(cast.yz, { recheckId }, NOW), "CONFLICT");
    expect((await getRecheck(cast.yz, recheckId)).status).toBe("PENDING");
    expect(await prisma.notification.count()).toBe(0);
  });
});

describe("permissions", () => {
  it("only officers of the district run, list and decide its re-checks", async () => {
    await runAnnualRecheck({ districtCode: YUZHONG, year: 2026, actor: cast.yz, now: NOW });
    const recheckId = (await listRechecks(cast.yz, {})).items[0]!.id;
    // Another district's officer.
    await expectAppError(runAnnualRecheck({ districtCode: YUZHONG, year: 2026, actor: cast.spb, now: NOW }), "FORBIDDEN");
    expect((await listRechecks(cast.spb, { view: "ALL" })).total).toBe(0);
    await expectAppError(getRecheck(cast.spb, recheckId), "NOT_FOUND");
    await expectAppError(confirmRecheckCancellation(cast.spb, { recheckId }, NOW), "FORBIDDEN");
    await expectAppError(dismissRecheck(cast.spb, { recheckId, reason: "不相干的理由" }, NOW), "FORBIDDEN");
    // Municipal officers, administrators and applicants.
    for (const actor of [cast.city, cast.admin, cast.applicant]) {
      await expectAppError(runAnnualRecheck({ districtCode: YUZHONG, year: 2026, actor, now: NOW }), "FORBIDDEN");
      await expectAppError(listRechecks(actor, {}), "FORBIDDEN");
      await expectAppError(getRecheck(actor, recheckId), "FORBIDDEN");
      await expectAppError(confirmRecheckCancellation(actor, { recheckId }, NOW), "FORBIDDEN");
      await expectAppError(dismissRecheck(actor, { recheckId, reason: "不相干的理由" }, NOW), "FORBIDDEN");
    }
    // A colleague in the same district may decide.
    await dismissRecheck(cast.yz2, { recheckId, reason: "经核实收入未超标。" }, NOW);
    expect((await getRecheck(cast.yz, recheckId)).decidedBy?.name).toBe(cast.yz2.name);
  });
});

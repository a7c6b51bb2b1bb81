import { randomUUID } from "node:crypto";
import { drawPool, freezePool } from "@/lib/allocation/lottery";
import { approvePlan, createPlan, publishPlan, submitPlan } from "@/lib/allocation/plans";
import { createPlanSchema } from "@/lib/allocation/plan-schemas";
import { acceptOffer, declineOffer, declineTurn, openSelection, pickUnit } from "@/lib/allocation/selection";
import { addNominee, assignNominee, createDirected } from "@/lib/allocation/directed";
import { enrolWaitingLists, offerVacatedUnit } from "@/lib/allocation/waiting-list";
import { draftLease } from "@/lib/tenancy/leases";
import type { Actor } from "@/lib/auth/permissions";
import { dateColumn } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import type { Prisma, UnitType } from "@/lib/generated/prisma/client";
import { residentIdCheckChar } from "@/lib/rules/identity";
import { addDays, cstDateOfEpochMs } from "@/lib/rules/dates";
import type { ISODate } from "@/lib/rules/types";

// The demo's allocation (Art. 21-24), through the services: a published lottery plan of 安居·松涛苑
// with its two-bedroom pool drawn among a few hundred qualified households (winners who picked
// units, one who accepted, one who gave up the turn, one who declined the unit) and its one-bedroom
// pool frozen, waiting for its draw; the waiting lists the qualified households joined, and a
// vacated unit of 安居·枫林苑 offered to the head of its list.
//
// The crowd of qualified households is written as rows (hundreds of applications through every
// review step would slow `npm start` for nothing the demo shows); each has a portal account.

/** The demo account given, after the draw, to the household whose turn to choose is open. */
export const DEMO_CHOOSING_PHONE = "13800000014";
/** The household whose lease is drawn up and waits for its signature (Art. 25). */
export const DEMO_SIGNING_PHONE = "13800000015";
/** The household that accepted its unit; the district officer draws up its lease. */
export const DEMO_ACCEPTED_PHONE = "13800000016";

const CROWD_SIZE = 320;
const YUZHONG_CROWD = 12;
/** The crowd's portal accounts (not printed, but for the one choosing now). */
export const DEMO_CROWD_ACCOUNTS = CROWD_SIZE + YUZHONG_CROWD;

interface CrowdSpec {
  estateId: string;
  districtCode: string;
  level: "MUNICIPAL" | "DISTRICT";
  count: number;
  /** Acceptance times are spread evenly from `from` over `days` days. */
  from: ISODate;
  /** Every ninth household is a priority household (Art. 22) unless false. */
  priority?: boolean;
  days: number;
  prefix: string;
  phonePrefix: string;
  passwordHash: string;
}

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
const GIVEN = ["敏", "静", "伟", "芳", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "桂英", "建华", "晓东", "丽华"];

/** The history a qualified household's rows stand for: submitted, accepted, both reviews, publicity, qualified (Art. 16-19). */
export function qualifiedHistory(applicationId: string, acceptedAt: Date): Prisma.ApplicationStatusEventCreateManyInput[] {
  const day = 86_400_000;
  const path = [
    [null, "DRAFT", -2 * day],
    ["DRAFT", "SUBMITTED", -day],
    ["SUBMITTED", "ACCEPTED", 0],
    ["ACCEPTED", "FIRST_REVIEW_PASSED", 4 * day],
    ["FIRST_REVIEW_PASSED", "SECOND_REVIEW_PASSED", 9 * day],
    ["SECOND_REVIEW_PASSED", "IN_PUBLICITY", 14 * day],
    ["IN_PUBLICITY", "QUALIFIED", 30 * day],
  ] as const;
  return path.map(([from, to, offset]) => ({ applicationId, fromStatus: from, toStatus: to, at: new Date(acceptedAt.getTime() + offset), ...(to === "QUALIFIED" ? { reasonKey: "qualified" } : {}) }));
}

/** Qualified one- or two-person households who chose one estate, each with an account; their application ids. */
async function crowd(spec: CrowdSpec): Promise<string[]> {
  const users: Prisma.UserCreateManyInput[] = [];
  const applications: Array<Prisma.ApplicationCreateManyInput & { id: string }> = [];
  const members: Prisma.HouseholdMemberCreateManyInput[] = [];
  const qualifications: Prisma.QualificationCreateManyInput[] = [];
  const preferences: Prisma.ApplicationEstatePreferenceCreateManyInput[] = [];
  const events: Prisma.ApplicationStatusEventCreateManyInput[] = [];
  const start = new Date(`${spec.from}T09:00:00+08:00`).getTime();
  for (let i = 0; i < spec.count; i++) {
    const userId = randomUUID();
    const applicationId = randomUUID();
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;
    const couple = i % 3 !== 0;
    const acceptedAt = new Date(start + Math.floor((i * spec.days * 86_400_000) / spec.count));
    const entitled: UnitType = couple ? "TWO_BEDROOM" : "ONE_BEDROOM";
    users.push({ id: userId, role: "APPLICANT" as const, name, phone: `${spec.phonePrefix}${String(i).padStart(4, "0")}`, passwordHash: spec.passwordHash });
    applications.push({
      id: applicationId,
      applicationNo: `GZF-${spec.districtCode}-${spec.from.slice(0, 4)}-${spec.prefix}${String(i).padStart(4, "0")}`,
      source: "PORTAL" as const,
      applicantUserId: userId,
      districtCode: spec.districtCode,
      estateLevel: spec.level,
      status: "QUALIFIED" as const,
      preferredUnitType: entitled,
      isPriority: spec.priority !== false && i % 9 === 4,
      submittedAt: new Date(acceptedAt.getTime() - 86_400_000),
      acceptedAt,
      qualifiedAt: new Date(acceptedAt.getTime() + 30 * 86_400_000),
      statusChangedAt: new Date(acceptedAt.getTime() + 30 * 86_400_000),
      consentedAt: acceptedAt,
      declaredTrueAt: acceptedAt,
    });
    // Valid resident IDs (sequences 500-899: the demo's own households use 100 up), odd for men.
    const birth = `19${80 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`;
    const id = (date: string, sequence: number) => {
      const first17 = `${spec.districtCode}${date.replaceAll("-", "")}${String(sequence)}`;
      return first17 + residentIdCheckChar(first17);
    };
    const seq = 500 + (i % 400);
    members.push({ applicationId, relationship: "APPLICANT" as const, name, residentId: id(birth, seq), sex: seq % 2 === 1 ? ("M" as const) : ("F" as const), birthDate: dateColumn(birth), maritalStatus: couple ? ("MARRIED" as const) : ("UNMARRIED" as const), fullCivilCapacity: true, annualIncomeFen: 3_600_000 + (i % 7) * 100_000 });
    if (couple) {
      const spouseBirth = `${Number(birth.slice(0, 4)) + 1}${birth.slice(4)}`;
      const spouseSeq = 500 + ((i + 201) % 400);
      members.push({ applicationId, relationship: "SPOUSE" as const, name: `${SURNAMES[(i + 7) % SURNAMES.length]}${GIVEN[(i + 3) % GIVEN.length]}`, residentId: id(spouseBirth, spouseSeq), sex: spouseSeq % 2 === 1 ? ("M" as const) : ("F" as const), birthDate: dateColumn(spouseBirth), maritalStatus: "MARRIED" as const, fullCivilCapacity: true, annualIncomeFen: 2_400_000 });
    }
    qualifications.push({ applicationId, qualifiedOn: dateColumn(addDays(spec.from, 30 + Math.floor((i * spec.days) / spec.count))), entitledUnitType: entitled, isPriority: spec.priority !== false && i % 9 === 4 });
    preferences.push({ applicationId, estateId: spec.estateId, rank: 1 });
    events.push(...qualifiedHistory(applicationId, acceptedAt));
  }
  await prisma.$transaction(async (tx) => {
    await tx.user.createMany({ data: users });
    await tx.application.createMany({ data: applications });
    await tx.householdMember.createMany({ data: members });
    await tx.qualification.createMany({ data: qualifications });
    await tx.applicationEstatePreference.createMany({ data: preferences });
    await tx.applicationStatusEvent.createMany({ data: events });
  });
  return applications.map((a) => a.id);
}

async function staffActor(username: string): Promise<Actor> {
  return prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true, role: true, districtCode: true } });
}

/** Minutes before `now`. */
function ago(now: Date, minutes: number): Date {
  return new Date(now.getTime() - minutes * 60_000);
}

export async function seedAllocation(today: ISODate, now: Date, passwordHash: string): Promise<void> {
  const city = await staffActor("city.officer");
  const cityReviewer = await staffActor("city.reviewer");
  const spb = await prisma.estate.findUniqueOrThrow({ where: { code: "SPB-001" }, select: { id: true, name: true } });
  const yz = await prisma.estate.findUniqueOrThrow({ where: { code: "YZ-001" }, select: { id: true } });

  // ── A lottery plan of 安居·松涛苑 among 320 households accepted 4 to 2 months ago ──
  const periodStart = addDays(today, -130);
  const periodEnd = addDays(today, -40);
  await crowd({ estateId: spb.id, districtCode: "500106", level: "MUNICIPAL", count: CROWD_SIZE, from: addDays(today, -120), days: 70, prefix: "8", phonePrefix: "1390000", passwordHash });
  const vacant = async (type: UnitType, take: number) =>
    (await prisma.unit.findMany({ where: { estateId: spb.id, unitType: type, status: "VACANT" }, select: { id: true }, orderBy: [{ floor: "desc" }, { unitNo: "asc" }], take })).map((u) => u.id);
  const unitIds = [...(await vacant("TWO_BEDROOM", 16)), ...(await vacant("ONE_BEDROOM", 8))];
  const { planId } = await createPlan(
    city,
    createPlanSchema.parse({
      estateId: spb.id,
      title: `${spb.name} ${today.slice(0, 4)}年公开摇号配租方案（演示）`,
      method: "LOTTERY",
      description: "本方案面向申请期内受理并取得配租资格、选择本小区的家庭，按户型分别公开摇号，中签家庭按排名顺序选房（第二十三条）。",
      unitIds,
      applicationPeriodStart: periodStart,
      applicationPeriodEnd: periodEnd,
      prioritySharePercent: "20",
      beaconSource: "摇号当日公证员在现场宣读的六位随机数字",
      freezeDate: addDays(today, -1),
      drawDate: today,
      selectionStartDate: today,
      selectionEndDate: addDays(today, 14),
    }),
    { now: ago(now, 7 * 24 * 60) },
  );
  await submitPlan(city, { planId }, { now: ago(now, 6 * 24 * 60) });
  await approvePlan(cityReviewer, { planId }, { now: ago(now, 5 * 24 * 60) });
  await publishPlan(city, { planId }, { now: ago(now, 5 * 24 * 60 - 30) });

  const frozen = await freezePool(city, { planId, unitType: "TWO_BEDROOM" }, { now: ago(now, 26 * 60) });
  await drawPool(city, { drawId: frozen.drawId, beacon: "271828" }, { now: ago(now, 120) });
  await openSelection(city, { drawId: frozen.drawId, windowHours: 48, parallel: 8, acceptDays: 5 }, { now: ago(now, 100) });

  const ranked = await prisma.lotteryEntrant.findMany({
    where: { drawId: frozen.drawId, outcome: "WON" },
    orderBy: { rank: "asc" },
    select: { id: true, rank: true, application: { select: { applicantUserId: true, applicantName: true } } },
  });
  const actorOf = (i: number): Actor => ({ id: ranked[i]!.application.applicantUserId!, role: "APPLICANT", districtCode: null });
  const reserved = await prisma.unit.findMany({
    where: { status: "RESERVED", unitType: "TWO_BEDROOM", planUnits: { some: { planId } } },
    select: { id: true },
    orderBy: [{ floor: "desc" }, { unitNo: "asc" }],
  });
  // The first four choose; the first two accept, the fourth declines the unit; the fifth gives up the turn.
  const offers = [];
  for (let i = 0; i < 4; i++) offers.push(await pickUnit(actorOf(i), { drawId: frozen.drawId, unitId: reserved[i]!.id }, { now: ago(now, 90 - i * 5) }));
  await acceptOffer(actorOf(0), { offerId: offers[0]!.offerId }, { now: ago(now, 60) });
  await acceptOffer(actorOf(1), { offerId: offers[1]!.offerId }, { now: ago(now, 55) });
  await declineOffer(actorOf(3), { offerId: offers[3]!.offerId, reason: "楼层太高，家中老人上下不便" }, { now: ago(now, 50) });
  // The first household's lease is drawn up and waits for its signature; the second's is still to draw up.
  for (const [i, phone] of [[0, DEMO_SIGNING_PHONE], [1, DEMO_ACCEPTED_PHONE]] as const) {
    await prisma.user.update({ where: { id: actorOf(i).id }, data: { phone, name: ranked[i]!.application.applicantName ?? "配租户" } });
  }
  await draftLease(await staffActor("shapingba.officer"), { offerId: offers[0]!.offerId, startDate: today, termMonths: 36 }, { now: ago(now, 40) });
  await declineTurn(actorOf(4), { drawId: frozen.drawId }, { now: ago(now, 45) });

  // The demo account of a household choosing now: the best-ranked open turn.
  const choosing = await prisma.lotteryEntrant.findFirstOrThrow({
    where: { drawId: frozen.drawId, turnStatus: "OPEN" },
    orderBy: { rank: "asc" },
    select: { application: { select: { applicantUserId: true, applicantName: true } } },
  });
  await prisma.user.update({ where: { id: choosing.application.applicantUserId! }, data: { phone: DEMO_CHOOSING_PHONE, name: choosing.application.applicantName ?? "选房户" } });

  // The one-bedroom pool is frozen, its commitment published, waiting for its draw.
  await freezePool(city, { planId, unitType: "ONE_BEDROOM" }, { now: ago(now, 30) });

  // ── The waiting lists (轮候): every qualified household joins those of the estates it chose ──
  // Twelve more households wait at 安居·枫林苑, accepted after 吴霞 (the demo's household on its list).
  const wuXia = await prisma.application.findFirstOrThrow({ where: { applicantUser: { phone: "13800000010" } }, select: { acceptedAt: true } });
  const after = addDays(cstDateOfEpochMs(wuXia.acceptedAt!.getTime()), 1);
  await crowd({ estateId: yz.id, districtCode: "500103", level: "MUNICIPAL", count: YUZHONG_CROWD, from: after, days: 20, prefix: "7", phonePrefix: "1390001", passwordHash, priority: false });
  await enrolWaitingLists(ago(now, 20));
  // A unit of 安居·枫林苑 vacated: offered to the head of its list for its type.
  const head = await prisma.waitingListEntry.findFirst({ where: { estateId: yz.id, status: "WAITING", application: { applicantUser: { phone: "13800000010" } } }, select: { unitType: true } });
  const unitType = head?.unitType ?? "ONE_BEDROOM";
  const vacated = await prisma.unit.findFirstOrThrow({ where: { estateId: yz.id, unitType, status: "VACANT", planUnits: { none: {} } }, select: { id: true }, orderBy: [{ floor: "asc" }, { unitNo: "asc" }] });
  await offerVacatedUnit(city, { unitId: vacated.id }, { now: ago(now, 10) });

  // ── Directed allocation (Art. 24): three units of 安居·梧桐苑 for a park enterprise's staff ──
  const spbOfficer = await staffActor("shapingba.officer");
  const wt = await prisma.estate.findUniqueOrThrow({ where: { code: "SPB-002" }, select: { id: true } });
  const { allocationId } = await createDirected(
    spbOfficer,
    {
      estateId: wt.id,
      kind: "ENTERPRISE",
      recipientName: "重庆西永微电子产业园某电子有限公司（演示）",
      basis: "沙坪坝区人民政府关于西永园区企业员工定向配租公共租赁住房的批复（演示）",
      unitType: "ONE_BEDROOM",
      quota: 3,
      requireNoHome: true,
      startDate: addDays(today, -10),
      endDate: addDays(today, 80),
    },
    { now: ago(now, 9 * 24 * 60) },
  );
  const nomineeId = (date: string, sequence: number) => {
    const first17 = `500106${date.replaceAll("-", "")}${sequence}`;
    return first17 + residentIdCheckChar(first17);
  };
  const staffer = await addNominee(spbOfficer, { allocationId, name: "邓晓峰", residentId: nomineeId("1996-04-18", 913), householdSize: 1, employmentConfirmed: true }, { now: ago(now, 8 * 24 * 60) });
  await addNominee(spbOfficer, { allocationId, name: "蒋明", residentId: nomineeId("1993-11-02", 915), householdSize: 2, employmentConfirmed: false }, { now: ago(now, 8 * 24 * 60) });
  await addNominee(spbOfficer, { allocationId, name: "韩雪", residentId: nomineeId("1998-07-21", 922), householdSize: 1, employmentConfirmed: true }, { now: ago(now, 7 * 24 * 60) });
  const first = await prisma.directedAllocationUnit.findFirstOrThrow({ where: { allocationId }, select: { unitId: true }, orderBy: { unitId: "asc" } });
  await assignNominee(spbOfficer, { allocationId, nomineeId: staffer.nomineeId, unitId: first.unitId }, { now: ago(now, 6 * 24 * 60) });
}

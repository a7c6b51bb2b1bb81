import "server-only";
import { randomBytes } from "node:crypto";
import { DRAFT_NUMBER_PREFIX, nextApplicationNo } from "@/lib/applications/numbering";
import { hashPassword } from "@/lib/auth/password";
import { dateColumn, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import type {
  ApplicationStatus,
  EmploymentBasis,
  EstateLevel,
  PriorityCategory,
  Prisma,
  Relationship,
  Role,
  UnitType,
} from "@/lib/generated/prisma/client";
import { publicityEndDate } from "@/lib/rules/publicity";
import { upsertDistricts } from "@/lib/reference/districts";
import {
  addDays,
  addMonths,
  addWorkingDays,
  allowedUnitTypes,
  assessEligibility,
  birthDateFromResidentId,
  entitledUnitType,
  isWorkingDay,
  leaseEndDate,
  maskName,
  maskResidentId,
  maxStandardRentFen,
  sexFromResidentId,
  type HouseholdMember as RulesMember,
  type ISODate,
} from "@/lib/rules";
import { residentIdCheckChar } from "@/lib/rules/identity";

// The demo: a believable city in miniature. Two district offices (渝中 and 沙坪坝) with two
// officers each, a municipal officer and an administrator; three estates with a few hundred
// units of every type; and households in every state of the lifecycle, dated relative to today
// so that deadlines are live. Everything is fictional. Seeding refuses to run in production
// unless explicitly allowed, and only ever on an empty database.

export const DEMO_PASSWORD = "anju2025";
const YUZHONG = "500103";
const SHAPINGBA = "500106";

export const DEMO_STAFF: { username: string; name: string; role: Role; districtCode: string | null; note: string }[] = [
  { username: "admin", name: "系统管理员", role: "ADMIN", districtCode: null, note: "administrator" },
  { username: "city.officer", name: "市公租房管理局 周主任", role: "MUNICIPAL_OFFICER", districtCode: null, note: "municipal officer (appeals, audits)" },
  { username: "yuzhong.officer", name: "渝中区 何科员", role: "DISTRICT_OFFICER", districtCode: YUZHONG, note: "渝中区 officer" },
  { username: "yuzhong.reviewer", name: "渝中区 罗科长", role: "DISTRICT_OFFICER", districtCode: YUZHONG, note: "渝中区 second reviewer" },
  { username: "shapingba.officer", name: "沙坪坝区 唐科员", role: "DISTRICT_OFFICER", districtCode: SHAPINGBA, note: "沙坪坝区 officer" },
  { username: "shapingba.reviewer", name: "沙坪坝区 冯科长", role: "DISTRICT_OFFICER", districtCode: SHAPINGBA, note: "沙坪坝区 second reviewer" },
];

interface DemoApplicant {
  phone: string;
  name: string;
  /** What the demo shows for this household. */
  status: ApplicationStatus | null;
  note: string;
}

export const DEMO_APPLICANTS: DemoApplicant[] = [
  { phone: "13800000001", name: "张伟", status: null, note: "no application yet: try applying" },
  { phone: "13800000002", name: "王芳", status: "SUBMITTED", note: "submitted, awaiting acceptance" },
  { phone: "13800000003", name: "李娜", status: "ACCEPTED", note: "first review due in 2 working days" },
  { phone: "13800000004", name: "刘洋", status: "ACCEPTED", note: "first review overdue" },
  { phone: "13800000005", name: "陈静", status: "FIRST_REVIEW_PASSED", note: "second review due" },
  { phone: "13800000006", name: "杨磊", status: "SECOND_REVIEW_PASSED", note: "awaiting publicity" },
  { phone: "13800000007", name: "赵敏", status: "IN_PUBLICITY", note: "in publicity now" },
  { phone: "13800000008", name: "黄勇", status: "FIRST_REVIEW_REJECTED", note: "refused 3 working days ago: may appeal" },
  { phone: "13800000009", name: "周杰", status: "APPEALED", note: "appeal with the municipal agency" },
  { phone: "13800000010", name: "吴霞", status: "QUALIFIED", note: "qualified, on the waiting list" },
  { phone: "13800000011", name: "郑凯", status: "HOUSED", note: "tenant with a lease" },
  { phone: "13800000012", name: "孙丽", status: "REJECTED", note: "refusal final" },
  { phone: "13800000013", name: "马超", status: "DRAFT", note: "draft application in progress" },
];

/** Reference income R by year (demo figures, fen per person per year). */
const REFERENCE_INCOMES: [number, number][] = [
  [2023, 4_743_500],
  [2024, 4_957_000],
  [2025, 5_238_400],
];

// ───────────── helpers ─────────────

/** A valid resident ID for a district, birth date and sequence (odd sequence: a man). */
function residentId(area: string, birth: ISODate, sequence: number): string {
  const first17 = `${area}${birth.replaceAll("-", "")}${String(sequence).padStart(3, "0")}`;
  return first17 + residentIdCheckChar(first17);
}

/** The working day `n` working days before `date` (n >= 1). */
function workingDaysBefore(date: ISODate, n: number): ISODate {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** 09:30 China Standard Time on `date`. */
function morning(date: ISODate, minutes = 0): Date {
  return new Date(new Date(`${date}T09:30:00+08:00`).getTime() + minutes * 60_000);
}

type Tx = Prisma.TransactionClient;

interface MemberSpec {
  name: string;
  relationship: Relationship;
  birth: ISODate;
  male: boolean;
  incomeYuan: number;
  maritalStatus?: "UNMARRIED" | "MARRIED" | "DIVORCED" | "WIDOWED";
}

interface ApplicationSpec {
  userPhone?: string;
  contactPhone: string;
  district: string;
  level: EstateLevel;
  estateCodes: string[];
  members: MemberSpec[];
  employment: EmploymentBasis;
  employer: string;
  priority?: PriorityCategory[];
  ownsHousing?: { areaM2: number };
  source?: "PORTAL" | "INTAKE_API";
  externalId?: string;
}

let sequence = 100;

// ───────────── the seed ─────────────

export async function isDatabaseEmpty(): Promise<boolean> {
  return (await prisma.user.count()) === 0;
}

/**
 * Seeds the demo when the database has no users (or always with `force`, on a fresh database).
 * Returns whether it seeded. Whether to seed at all is the start script's decision
 * (lib/deployment/seed-plan.ts): never on a real database unless ANJU_SEED_DEMO=1.
 */
export async function seedDemoIfEmpty(options: { force?: boolean } = {}): Promise<boolean> {
  if (!options.force && !(await isDatabaseEmpty())) return false;
  await seedDemo();
  return true;
}

export async function seedDemo(today: ISODate = todayCST()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(
    async (tx) => {
      await upsertDistricts(tx);
      for (const [year, fen] of REFERENCE_INCOMES) {
        await tx.referenceIncome.create({
          data: { year, perCapitaDisposableIncomeFen: fen, source: "演示数据 (demo figure)", publishedOn: dateColumn(`${year + 1}-03-01`) },
        });
      }
      const staff = new Map<string, { id: string; role: Role }>();
      for (const s of DEMO_STAFF) {
        const u = await tx.user.create({ data: { username: s.username, name: s.name, role: s.role, districtCode: s.districtCode, passwordHash } });
        staff.set(s.username, { id: u.id, role: s.role });
      }
      const applicants = new Map<string, string>();
      for (const a of DEMO_APPLICANTS) {
        const u = await tx.user.create({ data: { phone: a.phone, name: a.name, role: "APPLICANT", passwordHash } });
        applicants.set(a.phone, u.id);
      }
      const estates = await seedEstates(tx);
      await seedApplications(tx, { today, staff, applicants, estates });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

const ESTATES = [
  { code: "YZ-001", name: "安居·枫林苑", nameEn: "Anju Maple Court", district: YUZHONG, level: "MUNICIPAL" as const, buildings: 2, floors: 18 },
  { code: "SPB-001", name: "安居·松涛苑", nameEn: "Anju Pine Court", district: SHAPINGBA, level: "MUNICIPAL" as const, buildings: 2, floors: 15 },
  { code: "SPB-002", name: "安居·梧桐苑", nameEn: "Anju Plane Tree Court", district: SHAPINGBA, level: "DISTRICT" as const, buildings: 2, floors: 12 },
];

/** Per floor: four units, one of each type (Art. 21), with typical public rental floor areas. */
const FLOOR_PLAN: { suffix: string; type: UnitType; areaDm2: number }[] = [
  { suffix: "01", type: "STUDIO", areaDm2: 3580 },
  { suffix: "02", type: "ONE_BEDROOM", areaDm2: 4860 },
  { suffix: "03", type: "TWO_BEDROOM", areaDm2: 6240 },
  { suffix: "04", type: "THREE_BEDROOM", areaDm2: 7810 },
];

async function seedEstates(tx: Tx): Promise<Map<string, { id: string; unitIds: Map<UnitType, string[]> }>> {
  const out = new Map<string, { id: string; unitIds: Map<UnitType, string[]> }>();
  for (const e of ESTATES) {
    const estate = await tx.estate.create({
      data: {
        code: e.code,
        name: e.name,
        nameEn: e.nameEn,
        districtCode: e.district,
        level: e.level,
        stockSource: e.level === "MUNICIPAL" ? "NEW_CONSTRUCTION" : "INCLUDED_IN_DEVELOPMENT",
        investment: "GOVERNMENT",
        ownerName: e.level === "MUNICIPAL" ? "重庆市公共住房开发建设投资有限公司（演示）" : "沙坪坝区公共租赁住房管理中心（演示）",
        operatorName: "安居物业服务有限公司（演示）",
        address: `${e.district === YUZHONG ? "渝中区" : "沙坪坝区"}安居路 ${e.code.endsWith("2") ? 28 : 16} 号（演示地址）`,
        elderlyCareServices: "社区养老服务站：助餐、日间照料、健康咨询",
        childCareServices: "普惠托育点：2-3 岁托育，工作日 8:00-18:00",
      },
    });
    const unitIds = new Map<UnitType, string[]>(FLOOR_PLAN.map((p) => [p.type, []]));
    const units: Prisma.UnitCreateManyInput[] = [];
    for (let b = 1; b <= e.buildings; b++) {
      const building = await tx.building.create({ data: { estateId: estate.id, name: `${b}栋`, floors: e.floors } });
      for (let floor = 2; floor <= e.floors; floor++) {
        for (const plan of FLOOR_PLAN) {
          // Market rent about 30 yuan per m2 a month; the standard rent at 60 % of it (Art. 27).
          const marketRentFen = Math.round((plan.areaDm2 / 100) * 3000 / 100) * 100;
          units.push({
            estateId: estate.id,
            buildingId: building.id,
            unitNo: `${floor}${plan.suffix}`,
            floor,
            unitType: plan.type,
            floorAreaDm2: plan.areaDm2,
            marketRentFen,
            standardRentFen: maxStandardRentFen(marketRentFen),
            structure: "钢筋混凝土框架结构",
            fixtures: "整体厨卫、热水器、空调预留、简装",
            status: floor === 2 && plan.type === "STUDIO" ? "MAINTENANCE" : "VACANT",
          });
        }
      }
    }
    await tx.unit.createMany({ data: units });
    const created = await tx.unit.findMany({ where: { estateId: estate.id }, select: { id: true, unitType: true }, orderBy: { unitNo: "asc" } });
    for (const u of created) unitIds.get(u.unitType)!.push(u.id);
    out.set(e.code, { id: estate.id, unitIds });
  }
  return out;
}

interface SeedContext {
  today: ISODate;
  staff: Map<string, { id: string; role: Role }>;
  applicants: Map<string, string>;
  estates: Map<string, { id: string; unitIds: Map<UnitType, string[]> }>;
}

function household(headName: string, headMale: boolean, kind: "single" | "couple" | "family" | "parent-child", incomeYuan: number): MemberSpec[] {
  const head: MemberSpec = { name: headName, relationship: "APPLICANT", birth: "1988-04-12", male: headMale, incomeYuan, maritalStatus: kind === "single" ? "UNMARRIED" : "MARRIED" };
  switch (kind) {
    case "single":
      return [head];
    case "couple":
      return [head, { name: headMale ? "林晓" : "钱进", relationship: "SPOUSE", birth: "1990-09-03", male: !headMale, incomeYuan: Math.round(incomeYuan * 0.6), maritalStatus: "MARRIED" }];
    case "parent-child":
      return [{ ...head, maritalStatus: "DIVORCED" }, { name: `${headName.slice(0, 1)}小雨`, relationship: "CHILD", birth: "2016-06-01", male: !headMale, incomeYuan: 0, maritalStatus: "UNMARRIED" }];
    case "family":
      return [
        head,
        { name: headMale ? "林晓" : "钱进", relationship: "SPOUSE", birth: "1989-02-20", male: !headMale, incomeYuan: Math.round(incomeYuan * 0.5), maritalStatus: "MARRIED" },
        { name: `${headName.slice(0, 1)}乐乐`, relationship: "CHILD", birth: "2015-10-10", male: true, incomeYuan: 0, maritalStatus: "UNMARRIED" },
      ];
  }
}

/** Creates an application with its household and declaration in DRAFT, then replays `path` as status events. */
async function createApplication(
  tx: Tx,
  ctx: SeedContext,
  spec: ApplicationSpec,
  path: { status: ApplicationStatus; on: ISODate; by?: string; reason?: string }[],
): Promise<{ id: string; applicationNo: string; members: { name: string; residentId: string }[] }> {
  const submitted = path.find((p) => p.status === "SUBMITTED")?.on ?? ctx.today;
  const year = Number(submitted.slice(0, 4));
  const isDraft = path.length === 0;
  // Drafts carry a provisional number until they are submitted, as portal drafts do.
  const applicationNo = isDraft ? `${DRAFT_NUMBER_PREFIX}${randomBytes(12).toString("hex")}` : await nextApplicationNo(tx, spec.district, year);
  const members = spec.members.map((m) => ({ ...m, residentId: residentId(spec.district, m.birth, (sequence += 2) + (m.male ? 1 : 0)) }));
  const rulesMembers: RulesMember[] = members.map((m) => ({
    relationship: m.relationship,
    sex: sexFromResidentId(m.residentId),
    birthDate: birthDateFromResidentId(m.residentId),
    fullCivilCapacity: true,
    annualIncomeFen: m.incomeYuan * 100,
  }));
  const reference = REFERENCE_INCOMES.find(([y]) => y === year - 1) ?? REFERENCE_INCOMES.at(-1)!;
  const precheck = assessEligibility({
    applicationDate: submitted,
    members: rulesMembers,
    employment: spec.employment,
    ownsUrbanHousingInCity: Boolean(spec.ownsHousing),
    housingFloorAreaM2: spec.ownsHousing?.areaM2 ?? 0,
    lastHousingTransferDate: null,
    familyCanSupportHousing: false,
    priorityCategories: spec.priority ?? [],
    referenceIncomeFen: reference[1],
    bannedUntil: null,
    memberAlreadyHoused: false,
  });
  const unitType = entitledUnitType(rulesMembers);
  if (!allowedUnitTypes(rulesMembers).includes(unitType)) throw new Error("unit type");
  const userId = spec.userPhone ? ctx.applicants.get(spec.userPhone) ?? null : null;
  const app = await tx.application.create({
    data: {
      applicationNo,
      externalId: spec.externalId ?? null,
      source: spec.source ?? "PORTAL",
      applicantUserId: userId,
      contactPhone: spec.contactPhone,
      districtCode: spec.district,
      estateLevel: spec.level,
      status: "DRAFT",
      preferredUnitType: unitType,
      isPriority: (spec.priority ?? []).length > 0,
      consentedAt: isDraft ? null : morning(submitted, -5),
      declaredTrueAt: isDraft ? null : morning(submitted, -5),
      submittedAt: isDraft ? null : morning(submitted),
      precheck: isDraft ? undefined : (precheck as unknown as Prisma.InputJsonValue),
      precheckEligible: isDraft ? null : precheck.eligible,
      precheckAt: isDraft ? null : morning(submitted),
      referenceIncomeYear: isDraft ? null : reference[0],
      createdAt: morning(addDays(submitted, -2)),
      members: {
        create: members.map((m) => ({
          relationship: m.relationship,
          name: m.name,
          residentId: m.residentId,
          sex: sexFromResidentId(m.residentId),
          birthDate: dateColumn(birthDateFromResidentId(m.residentId)),
          maritalStatus: m.maritalStatus ?? null,
          fullCivilCapacity: true,
          annualIncomeFen: m.incomeYuan * 100,
        })),
      },
      declaration: {
        create: {
          employment: spec.employment,
          employerName: spec.employer,
          workDistrictCode: spec.district,
          ownsUrbanHousingInCity: Boolean(spec.ownsHousing),
          housingFloorAreaDm2: Math.round((spec.ownsHousing?.areaM2 ?? 0) * 100),
          familyCanSupportHousing: false,
          priorityCategories: spec.priority ?? [],
        },
      },
      estatePreferences: {
        create: spec.estateCodes.map((code, i) => ({ estateId: ctx.estates.get(code)!.id, rank: i + 1 })),
      },
    },
  });
  let from: ApplicationStatus = "DRAFT";
  const updates: Prisma.ApplicationUpdateInput = {};
  for (const [i, step] of path.entries()) {
    const actor = step.by ? ctx.staff.get(step.by) ?? null : null;
    const at = morning(step.on, 60 + i);
    await tx.applicationStatusEvent.create({
      data: { applicationId: app.id, fromStatus: from, toStatus: step.status, at, actorId: actor?.id ?? null, actorRole: actor?.role ?? null, reason: step.reason ?? null },
    });
    if (step.status === "ACCEPTED") {
      const due = addWorkingDays(step.on, 7);
      Object.assign(updates, { acceptedAt: at, firstReviewDueDate: dateColumn(due), dueDate: dateColumn(due) });
    }
    if (step.status === "FIRST_REVIEW_PASSED") {
      const due = addWorkingDays(step.on, 5);
      Object.assign(updates, { secondReviewDueDate: dateColumn(due), dueDate: dateColumn(due) });
    }
    if (step.status === "FIRST_REVIEW_REJECTED" || step.status === "SECOND_REVIEW_REJECTED" || step.status === "OBJECTION_UPHELD") {
      const due = addWorkingDays(step.on, 10);
      Object.assign(updates, { rejectionNotifiedAt: at, appealDueDate: dateColumn(due), dueDate: dateColumn(due) });
    }
    if (step.status === "SECOND_REVIEW_PASSED" || step.status === "QUALIFIED" || step.status === "HOUSED" || step.status === "APPEALED") {
      Object.assign(updates, { dueDate: null });
    }
    if (step.status === "QUALIFIED") Object.assign(updates, { qualifiedAt: at });
    if (step.status === "REJECTED" || step.status === "CANCELLED" || step.status === "WITHDRAWN") Object.assign(updates, { closedAt: at, dueDate: null });
    if (step.status === "FIRST_REVIEW_PASSED" || step.status === "FIRST_REVIEW_REJECTED" || step.status === "SECOND_REVIEW_PASSED" || step.status === "SECOND_REVIEW_REJECTED") {
      const level = step.status.startsWith("FIRST") ? "FIRST" : "SECOND";
      const rejected = step.status.endsWith("REJECTED");
      await tx.reviewDecision.create({
        data: {
          applicationId: app.id,
          level,
          officerId: actor!.id,
          outcome: rejected ? "REJECTED" : "PASSED",
          reasons: rejected ? (precheck.reasons as unknown as Prisma.InputJsonValue) : undefined,
          articlesCited: rejected ? precheck.reasons.map((r) => r.article) : [],
          comment: step.reason ?? null,
          dueDate: dateColumn(addWorkingDays(path.find((p) => p.status === (level === "FIRST" ? "ACCEPTED" : "FIRST_REVIEW_PASSED"))!.on, level === "FIRST" ? 7 : 5)),
          decidedAt: at,
          notifiedAt: rejected ? at : null,
          noticeMethod: rejected ? "SMS" : null,
        },
      });
    }
    from = step.status;
  }
  await tx.application.update({ where: { id: app.id }, data: { ...updates, status: from, statusChangedAt: path.length ? morning(path.at(-1)!.on, 60 + path.length - 1) : morning(ctx.today) } });
  return { id: app.id, applicationNo, members: members.map((m) => ({ name: m.name, residentId: m.residentId })) };
}

async function seedApplications(tx: Tx, ctx: SeedContext): Promise<void> {
  const t = ctx.today;
  const wd = (n: number) => workingDaysBefore(t, n);
  const base = (phone: string, name: string, kind: Parameters<typeof household>[2], incomeYuan: number, male: boolean): ApplicationSpec => ({
    userPhone: phone,
    contactPhone: phone,
    district: YUZHONG,
    level: "MUNICIPAL",
    estateCodes: ["YZ-001"],
    members: household(name, male, kind, incomeYuan),
    employment: "LABOR_CONTRACT",
    employer: "重庆某物流有限公司（演示）",
  });
  const O = "yuzhong.officer";
  const R = "yuzhong.reviewer";

  await createApplication(tx, ctx, base("13800000013", "马超", "single", 42_000, true), []);
  await createApplication(tx, ctx, base("13800000002", "王芳", "couple", 46_000, false), [{ status: "SUBMITTED", on: wd(1) }]);
  await createApplication(tx, ctx, base("13800000003", "李娜", "parent-child", 38_000, false), [
    { status: "SUBMITTED", on: wd(6) },
    { status: "ACCEPTED", on: wd(5), by: O },
  ]);
  await createApplication(tx, ctx, base("13800000004", "刘洋", "family", 61_000, true), [
    { status: "SUBMITTED", on: wd(10) },
    { status: "ACCEPTED", on: wd(9), by: O },
  ]);
  await createApplication(tx, ctx, base("13800000005", "陈静", "single", 35_000, false), [
    { status: "SUBMITTED", on: wd(9) },
    { status: "ACCEPTED", on: wd(8), by: O },
    { status: "FIRST_REVIEW_PASSED", on: wd(3), by: O, reason: "材料齐全，与共享数据一致" },
  ]);
  await createApplication(tx, ctx, base("13800000006", "杨磊", "couple", 52_000, true), [
    { status: "SUBMITTED", on: wd(15) },
    { status: "ACCEPTED", on: wd(14), by: O },
    { status: "FIRST_REVIEW_PASSED", on: wd(10), by: O },
    { status: "SECOND_REVIEW_PASSED", on: wd(7), by: R },
  ]);
  const inPublicity = await createApplication(tx, ctx, base("13800000007", "赵敏", "family", 58_000, false), [
    { status: "SUBMITTED", on: wd(18) },
    { status: "ACCEPTED", on: wd(17), by: O },
    { status: "FIRST_REVIEW_PASSED", on: wd(12), by: O },
    { status: "SECOND_REVIEW_PASSED", on: wd(9), by: R },
    { status: "IN_PUBLICITY", on: wd(2), by: O },
  ]);
  await createApplication(tx, ctx, { ...base("13800000008", "黄勇", "single", 75_000, true), employer: "重庆某科技有限公司（演示）" }, [
    { status: "SUBMITTED", on: wd(8) },
    { status: "ACCEPTED", on: wd(7), by: O },
    { status: "FIRST_REVIEW_REJECTED", on: wd(3), by: O, reason: "家庭人均年收入高于标准（第十三条第四项）" },
  ]);
  const appealed = await createApplication(tx, ctx, { ...base("13800000009", "周杰", "couple", 80_000, true) }, [
    { status: "SUBMITTED", on: wd(25) },
    { status: "ACCEPTED", on: wd(24), by: O },
    { status: "FIRST_REVIEW_PASSED", on: wd(20), by: O },
    { status: "SECOND_REVIEW_REJECTED", on: wd(16), by: R, reason: "家庭人均年收入高于标准（第十三条第四项）" },
    { status: "APPEALED", on: wd(12) },
  ]);
  await tx.appeal.create({
    data: {
      applicationId: appealed.id,
      appealedStatus: "SECOND_REVIEW_REJECTED",
      grounds: "配偶已于去年离职，家庭实际收入低于申报数，附离职证明。",
      lodgedAt: morning(wd(12), 90),
      deadline: dateColumn(addWorkingDays(wd(16), 10)),
    },
  });

  // Last year's publicity: qualified households now waiting, one of them a tenant.
  const lastYear = addDays(t, -300);
  const qualifiedPath = (extra: { status: ApplicationStatus; on: ISODate; by?: string }[] = []) => [
    { status: "SUBMITTED" as const, on: lastYear },
    { status: "ACCEPTED" as const, on: addWorkingDays(lastYear, 1), by: O },
    { status: "FIRST_REVIEW_PASSED" as const, on: addWorkingDays(lastYear, 5), by: O },
    { status: "SECOND_REVIEW_PASSED" as const, on: addWorkingDays(lastYear, 9), by: R },
    { status: "IN_PUBLICITY" as const, on: addWorkingDays(lastYear, 12), by: O },
    { status: "QUALIFIED" as const, on: addWorkingDays(lastYear, 17) },
    ...extra,
  ];
  const qualified = await createApplication(tx, ctx, { ...base("13800000010", "吴霞", "parent-child", 33_000, false), priority: ["MARGINAL_LOW_INCOME"] }, qualifiedPath());
  const housed = await createApplication(tx, ctx, base("13800000011", "郑凯", "couple", 44_000, true), qualifiedPath([
    { status: "ALLOCATED", on: addWorkingDays(lastYear, 40), by: O },
    { status: "HOUSED", on: addWorkingDays(lastYear, 45), by: O },
  ]));
  const rejectedFinal = await createApplication(tx, ctx, base("13800000012", "孙丽", "single", 90_000, false), [
    { status: "SUBMITTED", on: addDays(t, -120) },
    { status: "ACCEPTED", on: addWorkingDays(addDays(t, -120), 1), by: O },
    { status: "FIRST_REVIEW_REJECTED", on: addWorkingDays(addDays(t, -120), 6), by: O, reason: "家庭人均年收入高于标准（第十三条第四项）" },
    { status: "REJECTED", on: addWorkingDays(addDays(t, -120), 17), reason: "申诉期满未申诉，不予配租资格" },
  ]);
  void rejectedFinal;

  // 沙坪坝: households without portal accounts, from the counter and from 渝快办.
  const S = "shapingba.officer";
  const SR = "shapingba.reviewer";
  const spb = (name: string, phone: string, kind: Parameters<typeof household>[2], incomeYuan: number, male: boolean, over: Partial<ApplicationSpec> = {}): ApplicationSpec => ({
    contactPhone: phone,
    district: SHAPINGBA,
    level: "DISTRICT",
    estateCodes: ["SPB-002"],
    members: household(name, male, kind, incomeYuan),
    employment: "LABOR_CONTRACT",
    employer: "重庆某制造有限公司（演示）",
    ...over,
  });
  await createApplication(tx, ctx, spb("邓华", "13900000001", "couple", 40_000, true, { source: "INTAKE_API", externalId: "ykb-demo-000001" }), [{ status: "SUBMITTED", on: wd(2) }]);
  await createApplication(tx, ctx, spb("许萍", "13900000002", "single", 36_000, false), [
    { status: "SUBMITTED", on: wd(4) },
    { status: "RETURNED", on: wd(3), by: S, reason: "缺少劳动合同，请补充上传（第十六条）" },
  ]);
  await createApplication(tx, ctx, spb("韩冰", "13900000003", "single", 39_000, true, { level: "MUNICIPAL", estateCodes: ["SPB-001"] }), [
    { status: "SUBMITTED", on: wd(20) },
    { status: "ACCEPTED", on: wd(19), by: S },
    { status: "FIRST_REVIEW_PASSED", on: wd(15), by: S },
    { status: "SECOND_REVIEW_PASSED", on: wd(12), by: SR },
    { status: "IN_PUBLICITY", on: wd(11), by: S },
    { status: "OBJECTION_UPHELD", on: wd(4), by: S, reason: "经核查，申请人在本市有住房且人均面积超过 15 平方米（第十三条第五项）" },
  ]);
  await createApplication(tx, ctx, spb("曹阳", "13900000004", "family", 47_000, true), [
    { status: "SUBMITTED", on: addDays(t, -400) },
    { status: "ACCEPTED", on: addWorkingDays(addDays(t, -400), 1), by: S },
    { status: "FIRST_REVIEW_PASSED", on: addWorkingDays(addDays(t, -400), 5), by: S },
    { status: "SECOND_REVIEW_PASSED", on: addWorkingDays(addDays(t, -400), 8), by: SR },
    { status: "IN_PUBLICITY", on: addWorkingDays(addDays(t, -400), 10), by: S },
    { status: "QUALIFIED", on: addWorkingDays(addDays(t, -400), 16) },
    { status: "CANCELLED", on: wd(20), by: S, reason: "年度复核：家庭已购买住房，不再符合条件（第二十条）" },
  ]);
  await createApplication(tx, ctx, spb("彭亮", "13900000005", "single", 30_000, true), [
    { status: "SUBMITTED", on: wd(30) },
    { status: "WITHDRAWN", on: wd(28), reason: "申请人主动撤回" },
  ]);

  // The current publicity batch in 渝中 and last year's closed one.
  const batch = await tx.publicityBatch.create({
    data: {
      districtCode: YUZHONG,
      title: "渝中区公共租赁住房申请审核结果公示（演示）",
      startDate: dateColumn(wd(2)),
      endDate: dateColumn(publicityEndDate(wd(2))),
      status: "PUBLISHED",
      publishedAt: morning(wd(2), 120),
      publishedById: ctx.staff.get(O)!.id,
    },
  });
  const head = inPublicity.members[0]!;
  await tx.publicityEntry.create({
    data: { batchId: batch.id, applicationId: inPublicity.id, displayName: maskName(head.name), maskedResidentId: maskResidentId(head.residentId), householdSize: inPublicity.members.length },
  });

  // Qualifications, the waiting list and a lease.
  for (const q of [qualified, housed]) {
    const app = await tx.application.findUniqueOrThrow({ where: { id: q.id }, select: { qualifiedAt: true, acceptedAt: true, isPriority: true, preferredUnitType: true } });
    await tx.qualification.create({
      data: {
        applicationId: q.id,
        qualifiedOn: dateColumn(todayCST(app.qualifiedAt!)),
        entitledUnitType: app.preferredUnitType!,
        isPriority: app.isPriority,
        status: q === housed ? "HOUSED" : "ACTIVE",
      },
    });
    await tx.waitingListEntry.create({
      data: {
        applicationId: q.id,
        estateId: ctx.estates.get("YZ-001")!.id,
        unitType: app.preferredUnitType!,
        acceptedAt: app.acceptedAt!,
        isPriority: app.isPriority,
        status: q === housed ? "HOUSED" : "WAITING",
        removedAt: q === housed ? morning(addWorkingDays(lastYear, 45)) : null,
        removedReason: q === housed ? "已配租入住" : null,
      },
    });
  }
  const unitId = ctx.estates.get("YZ-001")!.unitIds.get("ONE_BEDROOM")![5]!;
  const unit = await tx.unit.update({ where: { id: unitId }, data: { status: "LEASED" }, select: { standardRentFen: true } });
  const start = addWorkingDays(lastYear, 45);
  const lease = await tx.lease.create({
    data: {
      leaseNo: `ZL-${YUZHONG}-${start.slice(0, 4)}-000001`,
      applicationId: housed.id,
      unitId,
      tenantUserId: ctx.applicants.get("13800000011")!,
      termMonths: 36,
      startDate: dateColumn(start),
      endDate: dateColumn(leaseEndDate(start, 36)),
      monthlyRentFen: unit.standardRentFen,
      status: "ACTIVE",
      signedAt: morning(start),
    },
  });
  // Monthly rent bills anchored on the lease start, paid except the current month's.
  const bills: Prisma.BillCreateManyInput[] = [];
  for (let k = 0; addMonths(start, k) <= t; k++) {
    const periodStart = addMonths(start, k);
    const periodEnd = addDays(addMonths(start, k + 1), -1);
    const isCurrent = periodEnd >= t;
    bills.push({
      leaseId: lease.id,
      periodStart: dateColumn(periodStart),
      periodEnd: dateColumn(periodEnd),
      amountFen: unit.standardRentFen,
      dueDate: dateColumn(addDays(periodStart, 9)),
      paidFen: isCurrent ? 0 : unit.standardRentFen,
      status: isCurrent ? "UNPAID" : "PAID",
      paidAt: isCurrent ? null : morning(addDays(periodStart, 5)),
    });
  }
  await tx.bill.createMany({ data: bills });

  await seedSharedData(tx, ctx);
}

/**
 * A tax bureau file as of 1 January (Art. 17-18), covering the 渝中 households: most match what
 * they declared; 刘洋's household earns more than declared, and 吴霞, already qualified, now
 * earns above the limit, so the comparison panel and the annual re-check have something to show.
 */
async function seedSharedData(tx: Tx, ctx: SeedContext): Promise<void> {
  const year = Number(ctx.today.slice(0, 4));
  const members = await tx.householdMember.findMany({
    where: { application: { districtCode: YUZHONG, status: { not: "DRAFT" } } },
    select: { name: true, residentId: true, annualIncomeFen: true, application: { select: { applicantUser: { select: { phone: true } } } } },
    orderBy: { residentId: "asc" },
  });
  const adjusted: Record<string, number> = { "13800000004": 1.3, "13800000010": 4 };
  const batch = await tx.sharedDataImportBatch.create({
    data: {
      source: "TAX",
      fileName: `个人所得税收入信息_${year - 1}年度_渝中区（演示）.csv`,
      sha256: "0".repeat(64),
      asOfDate: dateColumn(`${year}-01-01`),
      status: "COMPLETED",
      rowCount: members.length,
      importedById: ctx.staff.get("yuzhong.officer")!.id,
      importedAt: morning(`${year}-01-15`),
    },
  });
  await tx.sharedDataRecord.createMany({
    data: members.map((m, i) => {
      const factor = adjusted[m.application.applicantUser?.phone ?? ""] ?? 1;
      return {
        batchId: batch.id,
        source: "TAX" as const,
        rowNo: i + 2,
        residentId: m.residentId,
        fields: {
          residentId: m.residentId,
          name: m.name,
          year: year - 1,
          annualIncomeFen: Math.round(m.annualIncomeFen * factor),
          ...(m.annualIncomeFen > 0 ? { withholderName: "重庆某物流有限公司（演示）" } : {}),
        },
      };
    }),
  });
}

/** Whether the demo accounts exist (so that `npm start` lists them only then). */
export async function hasDemoData(): Promise<boolean> {
  return (await prisma.user.count({ where: { username: DEMO_STAFF[0]!.username } })) > 0;
}

/** Prints the demo accounts, for `npm start`. */
export function printDemoAccounts(): void {
  const lines = [
    "",
    "Demo accounts (password for all: " + DEMO_PASSWORD + ")",
    ...DEMO_STAFF.map((s) => `  ${s.username.padEnd(20)} ${s.note}`),
    ...DEMO_APPLICANTS.map((a) => `  ${a.phone.padEnd(20)} applicant ${a.name}: ${a.note}`),
    "",
  ];
  console.log(lines.join("\n"));
}

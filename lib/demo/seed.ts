import "server-only";
import { appendUploadChunk, confirmImport, previewUpload, processBatch, startUpload } from "@/lib/shared-data/import-service";
import { lodgeAppeal } from "@/lib/appeals/appeals";
import { finalizeExpiredRefusals } from "@/lib/appeals/finalize-refusals";
import { lodgeAppealSchema } from "@/lib/appeals/schemas";
import { saveHouseholdStep, saveHousingStep, saveWhereStep, saveWorkStep, submitDraft } from "@/lib/applications/drafts";
import { householdStepSchema, housingStepSchema, whereStepSchema, workStepSchema } from "@/lib/applications/schemas";
import { submitApplication } from "@/lib/applications/submit-application";
import { transitionApplication } from "@/lib/applications/transitions";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { completeRegistration, requestRegistrationCode } from "@/lib/auth/registration";
import { latestDevCode } from "@/lib/sms/provider";
import { createStaffSchema } from "@/lib/auth/schemas";
import { activateStaffAccount } from "@/lib/auth/accounts";
import { createStaffUser } from "@/lib/auth/staff-users";
import { dateColumn, fromDateColumn, todayCST } from "@/lib/clock";
import { nextSequenceValue } from "@/lib/db/sequence";
import { truncateTables } from "@/lib/db/truncate";
import { issueBillsForLease } from "@/lib/tenancy/billing";
import { RENT_PAYMENT_DAYS } from "@/lib/tenancy/billing-rules";
import { leaseTermsOf } from "@/lib/tenancy/lease-terms";
import { settleReceipt } from "@/lib/tenancy/payments";
import { prisma } from "@/lib/db/client";
import { uploadApplicationDocument } from "@/lib/documents/service";
import type { EmploymentBasis, EstateLevel, PriorityCategory, Prisma, Relationship, Role, UnitType } from "@/lib/generated/prisma/client";
import { closeEndedPublicity } from "@/lib/publicity/close-publicity";
import { publishBatch } from "@/lib/publicity/batches";
import { decideObjection, lodgeObjection } from "@/lib/publicity/objections";
import { objectionSchema } from "@/lib/publicity/schemas";
import { upsertDistricts } from "@/lib/reference/districts";
import { upsertReferenceIncomes } from "@/lib/reference/reference-income";
import { confirmRecheckCancellation, runAnnualRecheck } from "@/lib/rechecks/recheck-service";
import { acceptApplication, decideReview, returnApplication } from "@/lib/review/decisions";
import { reviewDecisionSchema } from "@/lib/review/schemas";
import { addDays, addMonths, addWorkingDays, deadlineDate, isWorkingDay, leaseEndDate, maxStandardRentFen, publicityEndDate, type IneligibilityCode, type ISODate } from "@/lib/rules";
import { parseFen } from "@/lib/money/parse";
import { requiredDocumentGroups } from "@/lib/rules/documents";
import { maskResidentId, residentIdCheckChar } from "@/lib/rules/identity";
import { DEMO_ACCEPTED_PHONE, DEMO_CHOOSING_PHONE, DEMO_SIGNING_PHONE, seedAllocation } from "./seed-allocation";
import { DEMO_EXCHANGE_TENANTS, seedExchanges } from "./seed-exchanges";
import { DEMO_CHECK_FAILED, DEMO_LEAVING_TENANTS, seedLeaving } from "./seed-leaving";
import { runTenancyCheck } from "@/lib/rechecks/tenancy-check";
import { seedRepairs } from "./seed-repairs";
import { DEMO_RENT_STANDARD_DOCUMENT, seedRentStandards } from "./seed-rent-standards";
import { SOURCE_LAYOUTS } from "@/lib/shared-data/layouts";
import { addBuildingSchema, addUnitSchema, changeUnitStatusSchema } from "@/lib/stock/schemas";
import { addBuilding, addUnit, changeUnitStatus, moveUnitStatus } from "@/lib/stock/stock-service";
import { formatDm2, formatFen } from "@/lib/money/format";

// The demo: a believable city in miniature. Two district offices (渝中 and 沙坪坝) with two
// officers each, a municipal officer and an administrator; three estates with a few hundred
// units of every type; and households in every state of the lifecycle, dated relative to today
// so that deadlines are live. Everything is fictional.
//
// Every household gets where it is through the portal's own services, called in date order
// with the clock moved to the moment of each step: applications are filled in and submitted (or
// sent through the intake API), accepted, reviewed, published, objected to, appealed, qualified
// by the closing job, re-checked. So the demo can never drift from the rules or the state
// machine: deadlines are the ones the services compute, reasons are worded as the services word
// them. Only what has no service yet is written as rows: estates and units (stock management
// comes with allocation), the waiting list, a lease and its bills (allocation and tenancy).
// Seeding runs only on an empty database (lib/deployment/seed-plan.ts decides whether at all).

export const DEMO_PASSWORD = "anju2025";
const YUZHONG = "500103";
const SHAPINGBA = "500106";

export const DEMO_STAFF: { username: string; name: string; role: Role; districtCode: string | null; note: string }[] = [
  { username: "admin", name: "系统管理员", role: "ADMIN", districtCode: null, note: "administrator" },
  { username: "city.officer", name: "市公租房管理局 周主任", role: "MUNICIPAL_OFFICER", districtCode: null, note: "municipal officer (appeals, audits)" },
  // A plan is approved by an officer other than its drafter (Art. 23): the municipal estates need two.
  { username: "city.reviewer", name: "市公租房管理局 孙科长", role: "MUNICIPAL_OFFICER", districtCode: null, note: "municipal second officer (approves plans)" },
  { username: "yuzhong.officer", name: "渝中区 何科员", role: "DISTRICT_OFFICER", districtCode: YUZHONG, note: "渝中区 officer" },
  { username: "yuzhong.reviewer", name: "渝中区 罗科长", role: "DISTRICT_OFFICER", districtCode: YUZHONG, note: "渝中区 second reviewer" },
  { username: "shapingba.officer", name: "沙坪坝区 唐科员", role: "DISTRICT_OFFICER", districtCode: SHAPINGBA, note: "沙坪坝区 officer" },
  { username: "shapingba.reviewer", name: "沙坪坝区 冯科长", role: "DISTRICT_OFFICER", districtCode: SHAPINGBA, note: "沙坪坝区 second reviewer" },
];

interface DemoApplicant {
  phone: string;
  name: string;
  note: string;
}

export const DEMO_APPLICANTS: DemoApplicant[] = [
  { phone: "13800000001", name: "张伟", note: "no application yet: try applying" },
  { phone: "13800000002", name: "王芳", note: "submitted, awaiting acceptance" },
  { phone: "13800000003", name: "李娜", note: "first review due in 2 working days" },
  { phone: "13800000004", name: "刘洋", note: "first review overdue" },
  { phone: "13800000005", name: "陈静", note: "second review due" },
  { phone: "13800000006", name: "杨磊", note: "awaiting publicity" },
  { phone: "13800000007", name: "赵敏", note: "in publicity now" },
  { phone: "13800000008", name: "黄勇", note: "refused 3 working days ago: may appeal" },
  { phone: "13800000009", name: "周杰", note: "appeal with the municipal agency" },
  { phone: "13800000010", name: "吴霞", note: "first in her waiting list: a vacated unit is offered to her" },
  { phone: "13800000011", name: "郑凯", note: "tenant: pays rent on time, can pay the open bill online" },
  { phone: "13800000012", name: "孙丽", note: "refusal final" },
  { phone: "13800000013", name: "马超", note: "draft application in progress" },
];

/** R by year, fen per person a year (demo figures), for the four years before `today`'s. */
function referenceIncomes(today: ISODate): { year: number; fen: number; source: string; publishedOn: ISODate }[] {
  const year = Number(today.slice(0, 4));
  const figures = [4_530_000, 4_743_500, 4_957_000, 5_238_400];
  return figures.map((fen, i) => {
    const y = year - figures.length + i;
    return { year: y, fen, source: "演示数据 (demo figure)", publishedOn: `${y + 1}-03-01` };
  });
}

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

/** 09:30 China Standard Time on `date`, plus `minutes`: the moved clock of a step. */
function moment(date: ISODate, minutes = 0): Date {
  return new Date(new Date(`${date}T09:30:00+08:00`).getTime() + minutes * 60_000);
}

/** File names as an applicant would give them. */
const DOCUMENT_NAMES: Record<string, string> = {
  ID_CARD: "居民身份证",
  HOUSEHOLD_REGISTER: "户口簿",
  RESIDENCE_PERMIT: "居住证",
  MARITAL_STATUS: "婚姻状况证明",
  LABOR_CONTRACT: "劳动合同",
};

const PDF = new TextEncoder().encode("%PDF-1.4\n% 演示材料 (demo document)\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
/** The demo's incomes are whole yuan; lib/money turns them into fen. */
function fen(yuan: number): number {
  const parsed = parseFen(String(yuan));
  if (!parsed.ok) throw new Error(`demo amount ${yuan}: ${parsed.problem}`);
  return parsed.value;
}

interface MemberSpec {
  name: string;
  relationship: Relationship;
  birth: ISODate;
  male: boolean;
  incomeYuan: number;
  maritalStatus: "UNMARRIED" | "MARRIED" | "DIVORCED" | "WIDOWED";
}

interface HouseholdSpec {
  district: string;
  level: EstateLevel;
  estateCodes: string[];
  members: MemberSpec[];
  employment: EmploymentBasis;
  employer: string;
  priority?: PriorityCategory[];
  /** Applicants with a portal account apply there; the others come through 渝快办 (the intake API). */
  phone: string;
  externalId?: string;
}

/** A demo household and where it has got to. */
interface Household {
  spec: HouseholdSpec;
  ids: string[];
  user: Actor | null;
  id?: string;
  applicationNo?: string;
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

/** The unit type a household asks for: the largest it may take (Art. 21). */
function unitTypeFor(members: MemberSpec[]): UnitType {
  const size = members.length === 2 && members[1]!.relationship === "CHILD" && members[0]!.male !== members[1]!.male ? 3 : members.length;
  return size >= 4 ? "THREE_BEDROOM" : size === 3 ? "TWO_BEDROOM" : size === 2 ? "ONE_BEDROOM" : "STUDIO";
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
  try {
    await seedDemo();
  } catch (error) {
    // Half a demo is worse than none: the database was empty, so empty it again; the next start retries.
    await emptyDatabase().catch(() => {});
    throw error;
  }
  return true;
}

async function emptyDatabase(): Promise<void> {
  const rows = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  await truncateTables(prisma, rows.map((r) => `"${r.tablename.replaceAll('"', '""')}"`));
}

interface Cast {
  admin: Actor;
  city: Actor;
  yz: Actor;
  yzReviewer: Actor;
  spb: Actor;
  spbReviewer: Actor;
  applicants: Map<string, Actor>;
}

export async function seedDemo(today: ISODate = todayCST()): Promise<void> {
  await upsertDistricts(prisma);
  await upsertReferenceIncomes(prisma, referenceIncomes(today));
  const cast = await seedPeople();
  const estates = await seedEstates(cast);
  await seedHouseholds(today, cast, estates);
  // Allocation happens now (selection windows are open for real), so it takes the real clock.
  await seedAllocation(today, today === todayCST() ? new Date() : moment(today, 8 * 60), await hashPassword(DEMO_PASSWORD));
  await seedLeaving(today, await hashPassword(DEMO_PASSWORD), DEMO_PASSWORD);
  await seedRepairs(today);
  await seedRentStandards(today);
  await seedExchanges(today, await hashPassword(DEMO_PASSWORD), DEMO_PASSWORD);
  await seedTenancyCheck(today, cast);
}

/**
 * The land registry's file naming the home 蒋涛's household bought two months ago, then the annual
 * tenancy check as the yearly job runs it (Art. 42): his tenancy is listed for the district's officer.
 */
async function seedTenancyCheck(today: ISODate, cast: Cast): Promise<void> {
  const tenant = await prisma.householdMember.findFirstOrThrow({
    where: { relationship: "APPLICANT", application: { contactPhone: DEMO_CHECK_FAILED.phone } },
    select: { residentId: true, name: true },
  });
  const rows = [[tenant.residentId, tenant.name, "重庆市渝中区两路口 12 号 5-1（演示）", "88.00", "住宅", "持有", addMonths(today, -2), ""]];
  await importFile(cast.yz, "REAL_ESTATE", `不动产登记信息_渝中区（演示）.csv`, headers("REAL_ESTATE", ["residentId", "name", "address", "areaDm2", "use", "status", "registeredOn", "transferredOn"]), rows, today);
  // This year's check of the district, as the yearly job runs it (whatever the demo's date).
  await runTenancyCheck({ districtCode: YUZHONG, year: Number(today.slice(0, 4)), actor: null, now: moment(today, 8 * 60) });
}

/** The administrator (the one account no service can create), then everyone else through the services. */
async function seedPeople(): Promise<Cast> {
  const [adminSpec, ...staffSpecs] = DEMO_STAFF;
  const admin = await prisma.user.create({
    data: { username: adminSpec!.username, name: adminSpec!.name, role: "ADMIN", passwordHash: await hashPassword(DEMO_PASSWORD) },
    select: { id: true, role: true, districtCode: true },
  });
  await writeAudit({ actorId: admin.id, actorRole: "ADMIN", action: "user.create", entityType: "User", entityId: admin.id, data: { role: "ADMIN", username: adminSpec!.username, by: "demo seed" } });
  const staff = new Map<string, Actor>();
  for (const s of staffSpecs) {
    const input = createStaffSchema.parse({ role: s.role, districtCode: s.districtCode ?? "", username: s.username, name: s.name });
    const created = await createStaffUser(input, { user: admin });
    // The demo's officers activate their accounts with the codes, as a new officer does.
    await activateStaffAccount({ username: created.username, code: created.activation.code, password: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }, null);
    staff.set(s.username, { id: created.id, role: s.role, districtCode: s.districtCode });
  }
  const applicants = new Map<string, Actor>();
  for (const a of DEMO_APPLICANTS) {
    // Through the SMS code, as a visitor registers (the development provider's outbox holds it).
    await requestRegistrationCode(a.phone, null);
    const registered = await completeRegistration({ name: a.name, phone: a.phone, code: await latestDevCode(a.phone), password: DEMO_PASSWORD });
    applicants.set(a.phone, { id: registered.id, role: "APPLICANT", districtCode: null });
  }
  return {
    admin,
    city: staff.get("city.officer")!,
    yz: staff.get("yuzhong.officer")!,
    yzReviewer: staff.get("yuzhong.reviewer")!,
    spb: staff.get("shapingba.officer")!,
    spbReviewer: staff.get("shapingba.reviewer")!,
    applicants,
  };
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

/** Market rent 30 yuan per m² a month: 30 fen per dm² (whole yuan for the demo's floor plans). */
function marketRentFen(areaDm2: number): number {
  return areaDm2 * 30;
}

type EstateIds = Map<string, { id: string; unitIds: Map<UnitType, string[]> }>;

/**
 * Estates as rows (estates have no service yet); their buildings and units through the stock
 * service, by the officers who manage them (the municipal agency its estates, the district its
 * own), so that every unit has its first status in its history.
 */
async function seedEstates(cast: Cast): Promise<EstateIds> {
  const out: EstateIds = new Map();
  for (const e of ESTATES) {
    const estate = await prisma.estate.create({
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
    const manager = e.level === "MUNICIPAL" ? cast.city : e.district === YUZHONG ? cast.yz : cast.spb;
    const unitIds = new Map<UnitType, string[]>(FLOOR_PLAN.map((p) => [p.type, []]));
    for (let b = 1; b <= e.buildings; b++) {
      const { buildingId } = await addBuilding(manager, addBuildingSchema.parse({ estateId: estate.id, name: `${b}栋`, floors: String(e.floors) }));
      for (let floor = 2; floor <= e.floors; floor++) {
        for (const plan of FLOOR_PLAN) {
          const market = marketRentFen(plan.areaDm2);
          const { unitId } = await addUnit(
            manager,
            addUnitSchema.parse({
              buildingId,
              unitNo: `${floor}${plan.suffix}`,
              floor: String(floor),
              unitType: plan.type,
              floorAreaM2: formatDm2(plan.areaDm2, "en").replace(/,/g, ""),
              orientation: plan.suffix === "01" || plan.suffix === "04" ? "NORTH_SOUTH" : "SOUTH",
              marketRentYuan: formatFen(market, "en").replace(/,/g, ""),
              // Art. 27: the standard rent at most 60 % of the market rent.
              standardRentYuan: formatFen(maxStandardRentFen(market), "en").replace(/,/g, ""),
              structure: "钢筋混凝土框架结构",
              fixtures: "整体厨卫、热水器、空调预留、简装",
            }),
          );
          unitIds.get(plan.type)!.push(unitId);
          if (floor === 2 && plan.type === "STUDIO") {
            await changeUnitStatus(manager, changeUnitStatusSchema.parse({ unitId, fromStatus: "VACANT", toStatus: "MAINTENANCE", reason: "首层单间墙面返潮，正在维修（演示）" }));
          }
        }
      }
    }
    out.set(e.code, { id: estate.id, unitIds });
  }
  return out;
}

// ───────────── households, step by step ─────────────

/** One thing that happened, at its moment: the plan is run in date order with the clock moved there. */
interface Step {
  at: Date;
  run: (at: Date) => Promise<void>;
}

function newHousehold(spec: HouseholdSpec, cast: Cast): Household {
  const ids = spec.members.map((m) => residentId(spec.district, m.birth, (sequence += 2) + (m.male ? 1 : 0)));
  return { spec, ids, user: cast.applicants.get(spec.phone) ?? null };
}

/** The application as the portal's form holds it, step by step (Art. 12-16, 21). */
async function fillInPortalForm(h: Household, at: Date, options: { upTo?: "work" } = {}): Promise<void> {
  const user = h.user!;
  const [head, ...others] = h.spec.members;
  const person = (m: MemberSpec, id: string) => ({ name: m.name, residentId: id, maritalStatus: m.maritalStatus, fullCivilCapacity: true, annualIncomeYuan: String(m.incomeYuan) });
  const { applicationId } = await saveHouseholdStep(
    user,
    householdStepSchema.parse({
      applicant: person(head!, h.ids[0]!),
      members: others.map((m, i) => ({ ...person(m, h.ids[i + 1]!), relationship: m.relationship })),
    }),
    { now: at },
  );
  h.id = applicationId;
  await saveWorkStep(user, workStepSchema.parse({ employment: h.spec.employment, employerName: h.spec.employer, workDistrictCode: h.spec.district }));
  if (options.upTo === "work") return;
  await saveHousingStep(
    user,
    housingStepSchema.parse({ ownsUrbanHousingInCity: false, housingFloorAreaM2: "", lastHousingTransferDate: null, familyCanSupportHousing: false, priorityCategories: h.spec.priority ?? [], receivesRentalSubsidy: false }),
    { now: at },
  );
  await saveWhereStep(user, whereStepSchema.parse({ districtCode: h.spec.district, estateLevel: h.spec.level, estateCodes: h.spec.estateCodes, unitType: unitTypeFor(h.spec.members) }));
  // Art. 16: the documents the agencies cannot get by data sharing.
  for (const group of requiredDocumentGroups(h.spec.employment)) {
    await uploadApplicationDocument(user, { kind: group[0], fileName: `${DOCUMENT_NAMES[group[0]!]}（演示）.pdf`, bytes: PDF });
  }
}

/** Submits: through the portal for an account holder, through the intake API for the others. */
async function submit(h: Household, at: Date): Promise<void> {
  if (h.user) {
    await fillInPortalForm(h, new Date(at.getTime() - 15 * 60_000));
    const { applicationNo } = await submitDraft(h.user, { consentToVerification: true, declarationTrue: true }, { now: at });
    h.applicationNo = applicationNo;
    return;
  }
  const [head, ...others] = h.spec.members;
  const result = await submitApplication(
    {
      kind: "intake",
      externalId: h.spec.externalId ?? `ykb-demo-${h.ids[0]!.slice(-6)}`,
      platformSubmittedAt: at.toISOString(),
      input: {
        districtCode: h.spec.district,
        estateLevel: h.spec.level,
        applicant: {
          name: head!.name,
          residentId: h.ids[0],
          phone: h.spec.phone,
          maritalStatus: head!.maritalStatus,
          fullCivilCapacity: true,
          employment: h.spec.employment,
          employerName: h.spec.employer,
          workDistrictCode: h.spec.district,
          annualIncomeFen: fen(head!.incomeYuan),
        },
        members: others.map((m, i) => ({ name: m.name, residentId: h.ids[i + 1], relationship: m.relationship, maritalStatus: m.maritalStatus, fullCivilCapacity: true, annualIncomeFen: fen(m.incomeYuan) })),
        housing: { ownsUrbanHousingInCity: false, housingFloorAreaM2: 0, lastHousingTransferDate: null },
        familyCanSupportHousing: false,
        priorityCategories: h.spec.priority ?? [],
        preferences: { estateCodes: h.spec.estateCodes, unitType: unitTypeFor(h.spec.members) },
        consentToVerification: true,
        declarationTrue: true,
      },
    },
    { now: at },
  );
  h.id = result.applicationId;
  h.applicationNo = result.applicationNo;
}

const pass = (h: Household, level: "FIRST" | "SECOND") =>
  reviewDecisionSchema.parse({ applicationId: h.id, level, outcome: "PASSED", reasonText: "", comment: "材料齐全，与共享数据一致（演示）" });
const refuse = (h: Household, level: "FIRST" | "SECOND", codes: IneligibilityCode[], text: string) =>
  reviewDecisionSchema.parse({ applicationId: h.id, level, outcome: "REJECTED", reasonCodes: codes, reasonText: text, comment: "已电话告知申请人（演示）" });

async function seedHouseholds(today: ISODate, cast: Cast, estates: EstateIds): Promise<void> {
  const t = today;
  const wd = (n: number) => workingDaysBefore(t, n);
  const steps: Step[] = [];
  const on = (date: ISODate, minutes: number, run: (at: Date) => Promise<void>) => steps.push({ at: moment(date, minutes), run });

  const yz = (phone: string, name: string, kind: Parameters<typeof household>[2], incomeYuan: number, male: boolean, over: Partial<HouseholdSpec> = {}) =>
    newHousehold({ phone, district: YUZHONG, level: "MUNICIPAL", estateCodes: ["YZ-001"], members: household(name, male, kind, incomeYuan), employment: "LABOR_CONTRACT", employer: "重庆某物流有限公司（演示）", ...over }, cast);
  const spb = (phone: string, name: string, kind: Parameters<typeof household>[2], incomeYuan: number, male: boolean, over: Partial<HouseholdSpec> = {}) =>
    newHousehold({ phone, district: SHAPINGBA, level: "DISTRICT", estateCodes: ["SPB-002"], members: household(name, male, kind, incomeYuan), employment: "LABOR_CONTRACT", employer: "重庆某制造有限公司（演示）", ...over }, cast);

  const accept = (h: Household, officer: Actor) => async (at: Date) => void (await acceptApplication(officer, { applicationId: h.id! }, { now: at }));
  const review = (officer: Actor, input: () => Parameters<typeof decideReview>[1]) => async (at: Date) => void (await decideReview(officer, input(), { now: at }));
  const publish = (officer: Actor, district: string, households: Household[]) => async (at: Date) =>
    void (await publishBatch(officer, { districtCode: district, applicationIds: households.map((h) => h.id!), title: "" }, { now: at }));
  const jobs = async (at: Date) => {
    await closeEndedPublicity(at);
    await finalizeExpiredRefusals(at);
  };

  // 渝中, with portal accounts.
  const maChao = yz("13800000013", "马超", "single", 42_000, true);
  on(wd(1), 30, async (at) => fillInPortalForm(maChao, at, { upTo: "work" }));

  const wangFang = yz("13800000002", "王芳", "couple", 46_000, false);
  on(wd(1), 0, async (at) => submit(wangFang, at));

  const liNa = yz("13800000003", "李娜", "parent-child", 38_000, false);
  on(wd(6), 0, async (at) => submit(liNa, at));
  on(wd(5), 60, accept(liNa, cast.yz));

  const liuYang = yz("13800000004", "刘洋", "family", 61_000, true);
  on(wd(10), 0, async (at) => submit(liuYang, at));
  on(wd(9), 60, accept(liuYang, cast.yz));

  const chenJing = yz("13800000005", "陈静", "single", 35_000, false);
  on(wd(9), 10, async (at) => submit(chenJing, at));
  on(wd(8), 60, accept(chenJing, cast.yz));
  on(wd(3), 60, review(cast.yz, () => pass(chenJing, "FIRST")));

  const yangLei = yz("13800000006", "杨磊", "couple", 52_000, true);
  on(wd(15), 0, async (at) => submit(yangLei, at));
  on(wd(14), 60, accept(yangLei, cast.yz));
  on(wd(10), 60, review(cast.yz, () => pass(yangLei, "FIRST")));
  on(wd(7), 60, review(cast.yzReviewer, () => pass(yangLei, "SECOND")));

  const zhaoMin = yz("13800000007", "赵敏", "family", 58_000, false);
  on(wd(18), 0, async (at) => submit(zhaoMin, at));
  on(wd(17), 60, accept(zhaoMin, cast.yz));
  on(wd(12), 60, review(cast.yz, () => pass(zhaoMin, "FIRST")));
  on(wd(9), 60, review(cast.yzReviewer, () => pass(zhaoMin, "SECOND")));
  on(wd(2), 120, publish(cast.yz, YUZHONG, [zhaoMin]));

  const huangYong = yz("13800000008", "黄勇", "single", 75_000, true, { employer: "重庆某科技有限公司（演示）" });
  on(wd(8), 0, async (at) => submit(huangYong, at));
  on(wd(7), 60, accept(huangYong, cast.yz));
  on(wd(3), 60, review(cast.yz, () => refuse(huangYong, "FIRST", ["INCOME_ABOVE_LIMIT"], "经核查，家庭人均年收入高于本市规定标准。")));

  const zhouJie = yz("13800000009", "周杰", "couple", 80_000, true);
  on(wd(25), 0, async (at) => submit(zhouJie, at));
  on(wd(24), 60, accept(zhouJie, cast.yz));
  on(wd(20), 60, review(cast.yz, () => pass(zhouJie, "FIRST")));
  on(wd(16), 60, review(cast.yzReviewer, () => refuse(zhouJie, "SECOND", ["INCOME_ABOVE_LIMIT"], "经复审，家庭人均年收入高于本市规定标准。")));
  on(wd(12), 90, async (at) => {
    await lodgeAppeal(cast.applicants.get("13800000009")!, lodgeAppealSchema.parse({ applicationNo: zhouJie.applicationNo, grounds: "配偶已于去年离职，家庭实际收入低于申报数，附离职证明。" }), { now: at });
  });

  // Last year's round in 渝中: two households qualified at the end of publicity, one now a tenant.
  const lastYear = addDays(t, -300);
  const wuXia = yz("13800000010", "吴霞", "parent-child", 33_000, false, { priority: ["MARGINAL_LOW_INCOME"] });
  const zhengKai = yz("13800000011", "郑凯", "couple", 44_000, true);
  for (const [i, h] of [wuXia, zhengKai].entries()) {
    on(lastYear, i * 10, async (at) => submit(h, at));
    on(addWorkingDays(lastYear, 1), 60 + i, accept(h, cast.yz));
    on(addWorkingDays(lastYear, 5), 60 + i, review(cast.yz, () => pass(h, "FIRST")));
    on(addWorkingDays(lastYear, 9), 60 + i, review(cast.yzReviewer, () => pass(h, "SECOND")));
  }
  on(addWorkingDays(lastYear, 12), 120, publish(cast.yz, YUZHONG, [wuXia, zhengKai]));
  // The closing job, the day after publicity ended (Art. 19).
  on(addDays(publicityEndDate(addWorkingDays(lastYear, 12)), 1), 0, jobs);
  // Allocation and the lease: no services yet, so the state machine, then rows (see below).
  on(addWorkingDays(lastYear, 40), 60, async (at) => {
    await prisma.$transaction((tx) => transitionApplication(tx, { applicationId: zhengKai.id!, to: "ALLOCATED", actor: cast.yz, at }));
  });
  on(addWorkingDays(lastYear, 45), 60, async (at) => {
    await prisma.$transaction((tx) => transitionApplication(tx, { applicationId: zhengKai.id!, to: "HOUSED", actor: cast.yz, at }));
  });

  const sunLi = yz("13800000012", "孙丽", "single", 90_000, false);
  const refusedOn = addWorkingDays(addDays(t, -120), 6);
  on(addDays(t, -120), 0, async (at) => submit(sunLi, at));
  on(addWorkingDays(addDays(t, -120), 1), 60, accept(sunLi, cast.yz));
  on(refusedOn, 60, review(cast.yz, () => refuse(sunLi, "FIRST", ["INCOME_ABOVE_LIMIT"], "经核查，家庭人均年收入高于本市规定标准。")));
  // No appeal within 10 working days: the closing job makes the refusal final the day after.
  on(addDays(deadlineDate("APPEAL", refusedOn), 1), 0, jobs);

  // 沙坪坝: households without portal accounts, through 渝快办 (the intake API).
  const dengHua = spb("13900000001", "邓华", "couple", 40_000, true, { externalId: "ykb-demo-000001" });
  on(wd(2), 0, async (at) => submit(dengHua, at));

  const xuPing = spb("13900000002", "许萍", "single", 36_000, false);
  on(wd(4), 0, async (at) => submit(xuPing, at));
  on(wd(3), 60, async (at) => void (await returnApplication(cast.spb, { applicationId: xuPing.id!, reason: "缺少劳动合同，请补充上传后重新提交。" }, { now: at })));

  const hanBing = spb("13900000003", "韩冰", "single", 39_000, true, { level: "MUNICIPAL", estateCodes: ["SPB-001"] });
  on(wd(20), 0, async (at) => submit(hanBing, at));
  on(wd(19), 60, accept(hanBing, cast.spb));
  on(wd(15), 60, review(cast.spb, () => pass(hanBing, "FIRST")));
  on(wd(12), 60, review(cast.spbReviewer, () => pass(hanBing, "SECOND")));
  on(wd(11), 120, publish(cast.spb, SHAPINGBA, [hanBing]));
  let hanBingObjection = "";
  on(wd(9), 200, async (at) => {
    const entry = await prisma.publicityEntry.findFirstOrThrow({ where: { applicationId: hanBing.id! }, select: { id: true } });
    const lodged = await lodgeObjection(
      objectionSchema.parse({ entryId: entry.id, contactName: "王先生（演示）", contactPhone: "13700000001", content: "该申请人在本市另有住房一套，面积较大，请核查。" }),
      { now: at },
    );
    hanBingObjection = lodged.objectionId;
  });
  on(wd(4), 60, async (at) => {
    await decideObjection(cast.spb, { objectionId: hanBingObjection, outcome: "UPHELD", findings: "经不动产登记核实，申请人在本市有住房，人均面积超过15平方米。" }, { now: at });
  });

  const caoYang = spb("13900000004", "曹阳", "family", 47_000, true);
  const caoStart = addDays(t, -400);
  on(caoStart, 0, async (at) => submit(caoYang, at));
  on(addWorkingDays(caoStart, 1), 60, accept(caoYang, cast.spb));
  on(addWorkingDays(caoStart, 5), 60, review(cast.spb, () => pass(caoYang, "FIRST")));
  on(addWorkingDays(caoStart, 8), 60, review(cast.spbReviewer, () => pass(caoYang, "SECOND")));
  on(addWorkingDays(caoStart, 10), 120, publish(cast.spb, SHAPINGBA, [caoYang]));
  on(addDays(publicityEndDate(addWorkingDays(caoStart, 10)), 1), 0, jobs);
  // This year's re-check (Art. 20) with the land registry's file: the household has bought a home.
  on(wd(22), 0, async (at) => importRealEstateRecords(cast.city, caoYang, at));
  on(wd(21), 60, async (at) => {
    await runAnnualRecheck({ districtCode: SHAPINGBA, year: Number(todayCST(at).slice(0, 4)), actor: cast.spb, now: at });
  });
  on(wd(20), 60, async (at) => {
    const recheck = await prisma.annualRecheck.findFirstOrThrow({ where: { qualification: { applicationId: caoYang.id! }, status: "PENDING" }, select: { id: true } });
    await confirmRecheckCancellation(cast.spb, { recheckId: recheck.id, note: "请于30日内办理轮候退出手续。" }, at);
  });

  const pengLiang = spb("13900000005", "彭亮", "single", 30_000, true);
  on(wd(30), 0, async (at) => submit(pengLiang, at));
  // Withdrawing has no service of its own yet: the state machine, with the reason worded by the portal.
  on(wd(28), 60, async (at) => {
    await prisma.$transaction((tx) => transitionApplication(tx, { applicationId: pengLiang.id!, to: "WITHDRAWN", actor: null, at, reason: { key: "withdrawn" } }));
  });

  // The tax bureau's file of this January (Art. 17-18), for the 渝中 households.
  on(wd(1), 90, async (at) => importTaxRecords(cast.yz, [liNa, liuYang, chenJing, yangLei, zhaoMin, huangYong, zhouJie, wuXia, zhengKai, sunLi], today, at));

  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of steps) await step.run(step.at);

  // Today: the scheduler's jobs as they would run now.
  await jobs(moment(t, 0));
  await seedTenancy(t, lastYear, zhengKai, wuXia, estates);
}

/** Uploads a shared-data file as an officer does (in chunks), previews it, confirms it and writes it. */
async function importFile(actor: Actor, source: "TAX" | "REAL_ESTATE", fileName: string, header: string[], rows: string[][], asOfDate: ISODate): Promise<void> {
  const bytes = new TextEncoder().encode([header.join(","), ...rows.map((r) => r.join(","))].join("\r\n") + "\r\n");
  const { uploadId, chunkBytes } = await startUpload(actor, { source, fileName, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    await appendUploadChunk(actor, { uploadId, offset, chunk: new Blob([bytes.slice(offset, offset + chunkBytes)]) });
  }
  await previewUpload(actor, { uploadId });
  const { batchId } = await confirmImport(actor, { uploadId, asOfDate });
  await processBatch(batchId);
}

const headers = (source: "TAX" | "REAL_ESTATE", keys: string[]) => keys.map((k) => SOURCE_LAYOUTS[source].find((c) => c.key === k)!.header);

/**
 * Incomes of last year as reported: most as declared; 刘洋's household earns more than it
 * declared, and 吴霞, already qualified, now earns above the limit, so the comparison panel and
 * the annual re-check have something to show.
 */
async function importTaxRecords(officer: Actor, households: Household[], today: ISODate, at: Date): Promise<void> {
  const year = Number(today.slice(0, 4));
  const adjusted: Record<string, number> = { "13800000004": 1.3, "13800000010": 4 };
  const rows = households.flatMap((h) =>
    h.spec.members.map((m, i) => {
      const yuan = Math.round(m.incomeYuan * (adjusted[h.spec.phone] ?? 1));
      return [h.ids[i]!, m.name, String(year - 1), `${yuan}.00`, m.incomeYuan > 0 ? h.spec.employer : ""];
    }),
  );
  await importFile(officer, "TAX", `个人所得税收入信息_${year - 1}年度_渝中区（演示）.csv`, headers("TAX", ["residentId", "name", "year", "annualIncomeFen", "withholderName"]), rows, `${year}-01-01`);
  void at;
}

/** The land registry's record of a home 曹阳's household bought: 90 m² for three people (Art. 13.5). */
async function importRealEstateRecords(officer: Actor, h: Household, at: Date): Promise<void> {
  const date = todayCST(at);
  const rows = [[h.ids[0]!, h.spec.members[0]!.name, "重庆市沙坪坝区学府路 8 号 3-2（演示）", "90.00", "住宅", "持有", addMonths(date, -2), ""]];
  await importFile(officer, "REAL_ESTATE", `不动产登记信息_沙坪坝区（演示）.csv`, headers("REAL_ESTATE", ["residentId", "name", "address", "areaDm2", "use", "status", "registeredOn", "transferredOn"]), rows, date);
}

/**
 * The waiting list, 郑凯's lease and its bills, as rows: allocation (Art. 21-24) and tenancy
 * (Art. 25-33) have no services yet. 郑凯 moved in 45 working days after last year's round.
 */
async function seedTenancy(today: ISODate, lastYear: ISODate, housed: Household, waiting: Household, estates: EstateIds): Promise<void> {
  const yz = estates.get("YZ-001")!;
  for (const h of [waiting, housed]) {
    const app = await prisma.application.findUniqueOrThrow({ where: { id: h.id! }, select: { acceptedAt: true, isPriority: true, preferredUnitType: true } });
    const isHoused = h === housed;
    if (isHoused) await prisma.qualification.update({ where: { applicationId: h.id! }, data: { status: "HOUSED" } });
    await prisma.waitingListEntry.create({
      data: {
        applicationId: h.id!,
        estateId: yz.id,
        unitType: app.preferredUnitType!,
        acceptedAt: app.acceptedAt!,
        isPriority: app.isPriority,
        status: isHoused ? "HOUSED" : "WAITING",
        removedAt: isHoused ? moment(addWorkingDays(lastYear, 45)) : null,
        removedReason: isHoused ? "已配租入住" : null,
      },
    });
  }
  const unitId = yz.unitIds.get("ONE_BEDROOM")![5]!;
  const start = addWorkingDays(lastYear, 45);
  // 郑凯 moved in before the portal kept leases: his lease is entered as a record of the time, in
  // the standard form's terms (Art. 26), then billed and paid through the tenancy services.
  await prisma.$transaction((tx) => moveUnitStatus(tx, { unitId, from: "VACANT", to: "LEASED", reason: "签订租赁合同（演示）", actor: null, at: moment(start) }));
  const unit = await prisma.unit.findUniqueOrThrow({
    where: { id: unitId },
    select: { standardRentFen: true, unitNo: true, floor: true, unitType: true, floorAreaDm2: true, structure: true, fixtures: true, building: { select: { name: true } }, estate: { select: { name: true, address: true, ownerName: true, operatorName: true } } },
  });
  const members = await prisma.householdMember.findMany({ where: { applicationId: housed.id! }, select: { name: true, relationship: true, residentId: true }, orderBy: { id: "asc" } });
  const applicant = members.find((m) => m.relationship === "APPLICANT")!;
  // Numbered from the district's lease counter, as drawing up a lease numbers it.
  const sequence = await prisma.$transaction((tx) => nextSequenceValue(tx, `lease:${YUZHONG}:${start.slice(0, 4)}`));
  const leaseNo = `ZL-${YUZHONG}-${start.slice(0, 4)}-${String(sequence).padStart(6, "0")}`;
  const endDate = leaseEndDate(start, 36);
  const lease = await prisma.lease.create({
    data: {
      leaseNo,
      applicationId: housed.id!,
      unitId,
      tenantUserId: housed.user!.id,
      termMonths: 36,
      startDate: dateColumn(start),
      endDate: dateColumn(endDate),
      monthlyRentFen: unit.standardRentFen,
      status: "ACTIVE",
      signedAt: moment(addDays(start, -3)),
      countersignedAt: moment(addDays(start, -2)),
      terms: leaseTermsOf({
        leaseNo,
        estate: unit.estate,
        unit: { ...unit, building: unit.building.name },
        tenant: { name: applicant.name, residentIdMasked: maskResidentId(applicant.residentId) },
        members: members.map((m) => ({ name: m.name, relationship: m.relationship })),
        startDate: start,
        endDate,
        termMonths: 36,
        rent: { monthlyRentFen: unit.standardRentFen, basis: "STANDARD", standardDocumentNo: null, tierName: null },
        signDueDate: addDays(start, -1),
      }) as unknown as Prisma.InputJsonValue,
      signDueDate: dateColumn(addDays(start, -1)),
    },
  });
  // Every month's bill since the start; each paid on its 6th day, by bank collection or online,
  // once it is due (a bill not yet due stays open).
  await issueBillsForLease(prisma, lease.id, today, moment(start));
  const bills = await prisma.bill.findMany({ where: { leaseId: lease.id }, select: { periodStart: true }, orderBy: { periodStart: "asc" } });
  for (const [k, bill] of bills.entries()) {
    const paidOn = addDays(fromDateColumn(bill.periodStart), 5);
    if (addDays(fromDateColumn(bill.periodStart), RENT_PAYMENT_DAYS - 1) >= today) continue;
    await prisma.$transaction((tx) =>
      settleReceipt(tx, { leaseId: lease.id, amountFen: unit.standardRentFen, method: k % 3 === 0 ? "BANK_TRANSFER" : "ONLINE", reference: `demo:${leaseNo}:${k}`, paidAt: moment(paidOn, 60), paidOn, recordedById: null }),
    );
  }
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
    `  ${DEMO_CHOOSING_PHONE.padEnd(20)} applicant: won the lottery at 安居·松涛苑, choosing a unit now`,
    `  ${DEMO_SIGNING_PHONE.padEnd(20)} tenant-to-be: lease at 安居·松涛苑 drawn up, to sign in the portal`,
    `  ${DEMO_ACCEPTED_PHONE.padEnd(20)} tenant-to-be: accepted a unit at 安居·松涛苑, lease to be drawn up by shapingba.officer`,
    ...DEMO_LEAVING_TENANTS.map((t) => `  ${t.phone.padEnd(20)} ${t.name}, ${t.note}`),
    ...DEMO_EXCHANGE_TENANTS.map((t) => `  ${t.phone.padEnd(20)} ${t.name}, ${t.note}`),
    `  ${"rent standard".padEnd(20)} 安居·梧桐苑 ${DEMO_RENT_STANDARD_DOCUMENT}, due for its three-yearly review: city.officer reviews, city.reviewer approves`,
    "",
  ];
  console.log(lines.join("\n"));
}

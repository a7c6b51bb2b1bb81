import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { OPEN_APPLICATION_STATUSES } from "@/lib/db/application-status";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { allowedUnitTypes, explainIneligibility, type EligibilityResult, type RulesLocale, type UnitType } from "@/lib/rules";
import {
  DRAFT_SAVED_ACTION,
  draftToRawInput,
  EDITABLE_STATUSES,
  findEditableApplicationId,
  loadDraftRecord,
  savedSteps,
  type DraftRecord,
} from "./draft-data";
import { minutesUntil, takeAttempt, type ThrottlePolicy } from "@/lib/auth/login-throttle";
import { describeClaims, recordArt12Conflict } from "./art12-conflicts";
import { applicationValidationError, isAlreadyHoused, type FieldIssue } from "./errors";
import { createApplicationRecord, writeDeclaration, writeMembers, writePreferences } from "./household-store";
import { DRAFT_NUMBER_PREFIX } from "./numbering";
import { isBannedResult, runPrecheck } from "./precheck";
import {
  APPLY_STEPS,
  applicationInputSchema,
  issuePath,
  migrantWorkerFlag,
  missingDocumentGroups,
  rulesHousehold,
  stepOfPath,
  V,
  type ApplyStep,
  type HouseholdStep,
  type HousingStep,
  type UploadDocumentKind,
  type WhereStep,
  type WorkStep,
} from "./schemas";
import { submitApplication } from "./submit-application";
import { placementIssues, transferDateIssues } from "./validate-application";

// The portal's application form, saved as a draft at every step (Art. 12-16). One application in
// progress per applicant: a DRAFT, or a RETURNED application being completed (Art. 16). Each save
// is one transaction with an audit row; the final submission goes through submitApplication.

type Tx = Prisma.TransactionClient;
const TX_OPTIONS = { timeout: 20_000, maxWait: 20_000 };

/** The steps that hold answers, in order; documents and review follow. */
const DATA_STEPS: ApplyStep[] = ["household", "work", "housing", "where"];

/** Loads the actor's application in progress and checks they may edit it, or returns null. */
async function editableFor(tx: Tx, actor: Actor): Promise<DraftRecord | null> {
  const id = await findEditableApplicationId(tx, actor.id);
  if (!id) return null;
  const app = await loadDraftRecord(tx, id);
  if (!app) return null;
  assertCan(actor, "application:update", { ownerId: app.applicantUserId, districtCode: app.districtCode });
  return app;
}

async function requireEditable(tx: Tx, actor: Actor): Promise<DraftRecord> {
  const app = await editableFor(tx, actor);
  if (!app) throw new AppError("NOT_FOUND", { messageKey: "applications.errors.noDraft" });
  return app;
}

async function requireSteps(tx: Tx, app: DraftRecord, steps: ApplyStep[]): Promise<void> {
  const saved = await savedSteps(tx, app);
  const missing = steps.find((s) => !saved.has(s));
  if (missing) {
    throw new AppError("CONFLICT", { messageKey: `applications.errors.completeStepFirst.${missing}` });
  }
}

async function recordStep(tx: Tx, actor: Actor, app: { id: string; districtCode: string }, step: ApplyStep): Promise<void> {
  await writeAudit(
    { actorId: actor.id, actorRole: actor.role, action: DRAFT_SAVED_ACTION, entityType: "Application", entityId: app.id, districtCode: app.districtCode, data: { step } },
    tx,
  );
}

/** Whether the applicant already has an application that is under way (not a draft or a returned one). */
export async function findActiveApplicationNo(db: Tx, userId: string): Promise<string | null> {
  const app = await db.application.findFirst({
    where: { applicantUserId: userId, status: { in: OPEN_APPLICATION_STATUSES.filter((s) => s !== "RETURNED") } },
    orderBy: { createdAt: "desc" },
    select: { applicationNo: true },
  });
  return app?.applicationNo ?? null;
}

/** Household saves per applicant: enough to correct a household many times, too few to search by it. */
const householdSavePolicy: ThrottlePolicy = { maxFailures: 30, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };
/**
 * Submissions per applicant and day (each is counted before it is checked): the Art. 12 check at
 * submission answers only "could not be verified", and not often enough to try IDs one by one.
 */
export const submitPolicy: ThrottlePolicy = { maxFailures: 10, windowMs: 24 * 60 * 60_000, lockMs: 24 * 60 * 60_000 };

/**
 * Step 1: the applicant and the household. Starts the draft on the first save (one per applicant:
 * the user's row is locked while deciding). Whether someone is already on another application or
 * lease (Art. 12) is NOT said here, nor at the review step: that would tell anyone who types a
 * stranger's resident ID whether that person lives in public housing. The submission checks it
 * (decision 036). Saves are throttled per applicant.
 */
export async function saveHouseholdStep(actor: Actor, input: HouseholdStep, options: { now?: Date } = {}): Promise<{ applicationId: string }> {
  assertCan(actor, "application:create");
  const at = options.now ?? clockNow();
  const attempt = await takeAttempt(prisma, [{ key: `household-save:${actor.id}`, policy: householdSavePolicy }], at);
  if (!attempt.allowed) throw new AppError("RATE_LIMITED", { messageKey: "applications.errors.tooManySaves", values: { minutes: minutesUntil(attempt.lockedUntil, at) } });
  return prisma.$transaction(async (tx) => {
    // Serialise draft creation per applicant (two tabs saving step 1 at once make one draft).
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${actor.id} FOR UPDATE`;
    let app = await editableFor(tx, actor);
    if (!app) {
      const active = await findActiveApplicationNo(tx, actor.id);
      if (active) throw new AppError("CONFLICT", { messageKey: "applications.errors.alreadyApplied", values: { applicationNo: active } });
      const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { phone: true } });
      // Provisional office until step 4: the office of the applicant's ID area if it is a Chongqing
      // district, else 渝中区. Drafts are visible to nobody but the applicant.
      const area = input.applicant.residentId.slice(0, 6);
      const office = (await tx.district.findUnique({ where: { code: area }, select: { code: true } }))?.code
        ?? (await tx.district.findFirst({ where: { isCentralUrban: true }, orderBy: { code: "asc" }, select: { code: true } }))?.code;
      if (!office) throw new AppError("INTERNAL", { messageKey: "applications.errors.noDistricts" });
      const created = await createApplicationRecord(tx, {
        source: "PORTAL",
        applicantUserId: actor.id,
        contactPhone: user.phone,
        districtCode: office,
        estateLevel: "MUNICIPAL",
        actor,
        at,
      });
      app = (await loadDraftRecord(tx, created.id))!;
    }

    await writeMembers(tx, app.id, [
      { ...input.applicant, relationship: "APPLICANT" },
      ...input.members,
    ]);
    // A changed household may no longer take the unit type chosen before (Art. 21): ask again.
    const household = rulesHousehold({
      applicant: { residentId: input.applicant.residentId, fullCivilCapacity: true, annualIncomeFen: 0 },
      members: input.members.map((m) => ({ residentId: m.residentId, relationship: m.relationship })),
    });
    if (app.preferredUnitType && household && !allowedUnitTypes(household).includes(app.preferredUnitType as UnitType)) {
      await tx.application.update({ where: { id: app.id }, data: { preferredUnitType: null } });
    }
    await recordStep(tx, actor, app, "household");
    return { applicationId: app.id };
  }, TX_OPTIONS);
}

/** Step 2: the applicant's work and income basis (Art. 13.3) and work district (Art. 15). */
export async function saveWorkStep(actor: Actor, input: WorkStep): Promise<{ applicationId: string }> {
  return prisma.$transaction(async (tx) => {
    const app = await requireEditable(tx, actor);
    await requireSteps(tx, app, ["household"]);
    if (input.workDistrictCode && !(await tx.district.findUnique({ where: { code: input.workDistrictCode }, select: { code: true } }))) {
      throw applicationValidationError([{ path: "workDistrictCode", message: V.workDistrictUnknown }]);
    }
    await writeDeclaration(tx, app.id, {
      work: { employment: input.employment, employerName: input.employerName, workDistrictCode: input.workDistrictCode, isMigrantWorker: migrantWorkerFlag(input.employment) },
    });
    await recordStep(tx, actor, app, "work");
    return { applicationId: app.id };
  }, TX_OPTIONS);
}

/** Step 3: housing (Art. 13.5), family support (13.6), priority categories (14, 22). */
export async function saveHousingStep(actor: Actor, input: HousingStep, options: { now?: Date } = {}): Promise<{ applicationId: string }> {
  const today = todayCST(options.now ?? clockNow());
  return prisma.$transaction(async (tx) => {
    const app = await requireEditable(tx, actor);
    await requireSteps(tx, app, ["household", "work"]);
    const issues = transferDateIssues(input.lastHousingTransferDate, today, "lastHousingTransferDate");
    if (issues.length > 0) throw applicationValidationError(issues);
    await writeDeclaration(tx, app.id, {
      housing: {
        ownsUrbanHousingInCity: input.ownsUrbanHousingInCity,
        housingFloorAreaDm2: input.housingFloorAreaDm2,
        lastHousingTransferDate: input.lastHousingTransferDate,
        familyCanSupportHousing: input.familyCanSupportHousing,
        priorityCategories: input.priorityCategories,
        receivesRentalSubsidy: input.receivesRentalSubsidy,
      },
    });
    await recordStep(tx, actor, app, "housing");
    return { applicationId: app.id };
  }, TX_OPTIONS);
}

/** Step 4: the receiving office and estate level (Art. 15), estates and unit type (Art. 21). */
export async function saveWhereStep(actor: Actor, input: WhereStep): Promise<{ applicationId: string }> {
  return prisma.$transaction(async (tx) => {
    const app = await requireEditable(tx, actor);
    await requireSteps(tx, app, ["household", "work"]);
    const issues: FieldIssue[] = await placementIssues(
      tx,
      {
        districtCode: input.districtCode,
        estateLevel: input.estateLevel,
        workDistrictCode: app.declaration?.workDistrictCode ?? null,
        estateCodes: input.estateCodes,
        unitType: input.unitType,
      },
      { districtCode: "districtCode", estateLevel: "estateLevel", workDistrictCode: "estateLevel", estateCodes: "estateCodes" },
    );
    const household = rulesHousehold(draftToRawInput(app) as Parameters<typeof rulesHousehold>[0]);
    if (household && !allowedUnitTypes(household).includes(input.unitType)) issues.push({ path: "unitType", message: V.unitTypeTooLarge });
    if (issues.length > 0) throw applicationValidationError(issues);

    await tx.application.update({
      where: { id: app.id },
      data: { districtCode: input.districtCode, estateLevel: input.estateLevel, preferredUnitType: input.unitType },
    });
    await writePreferences(tx, app.id, input.estateCodes);
    await recordStep(tx, actor, app, "where");
    return { applicationId: app.id };
  }, TX_OPTIONS);
}

/** Final step: submit with consent and the declaration (Art. 16), through the one submission service. */
export async function submitDraft(
  actor: Actor,
  input: { consentToVerification: unknown; declarationTrue: unknown },
  options: { now?: Date } = {},
): Promise<{ applicationNo: string }> {
  const id = await findEditableApplicationId(prisma, actor.id);
  if (!id) throw new AppError("NOT_FOUND", { messageKey: "applications.errors.noDraft" });
  // Steps saved as placeholders only must not be submitted as answers.
  const app = await loadDraftRecord(prisma, id);
  if (!app) throw new AppError("NOT_FOUND", { messageKey: "applications.errors.noDraft" });
  assertCan(actor, "application:update", { ownerId: app.applicantUserId, districtCode: app.districtCode });
  const saved = await savedSteps(prisma, app);
  const unsaved = DATA_STEPS.filter((s) => !saved.has(s));
  if (unsaved.length > 0) {
    throw applicationValidationError(unsaved.map((step) => ({ path: `steps.${step}`, message: V.stepIncomplete })));
  }
  const at = options.now ?? clockNow();
  const attempt = await takeAttempt(prisma, [{ key: `submit:${actor.id}`, policy: submitPolicy }], at);
  if (!attempt.allowed) throw new AppError("RATE_LIMITED", { messageKey: "applications.errors.tooManySubmissions", values: { minutes: minutesUntil(attempt.lockedUntil, at) } });
  try {
    const result = await submitApplication(
      { kind: "portal", actor, applicationId: id, consentToVerification: input.consentToVerification, declarationTrue: input.declarationTrue },
      { ...options, now: at },
    );
    return { applicationNo: result.applicationNo };
  } catch (error) {
    if (!isAlreadyHoused(error)) throw error;
    // Art. 12: the officers of the district see who and what claims them; the applicant is told
    // only that the household could not be verified, at no member (decision 036).
    const others = app.members.filter((m) => m.relationship !== "APPLICANT");
    const people = [
      ...app.members.filter((m) => m.relationship === "APPLICANT").map((m) => ({ path: "applicant.residentId", residentId: m.residentId, name: m.name })),
      ...others.map((m, i) => ({ path: `members.${i}.residentId`, residentId: m.residentId, name: m.name })),
    ];
    await recordArt12Conflict({ applicationId: id, districtCode: app.districtCode, members: await describeClaims(people, id), actor }, at);
    throw new AppError("CONFLICT", { messageKey: "applications.errors.householdUnverified" });
  }
}

// ───────────── reading the draft for the form ─────────────

export interface DraftIssue {
  path: string;
  step: ApplyStep;
  message: string;
}

export interface DraftView {
  applicationId: string;
  applicationNo: string | null;
  status: "DRAFT" | "RETURNED";
  savedSteps: ApplyStep[];
  /** The first step not yet saved (where "continue" leads). */
  nextStep: ApplyStep;
  record: DraftRecord;
  /** Unit types the household may take (Art. 21), smallest first; null until the household is valid. */
  allowedUnitTypes: UnitType[] | null;
  householdSize: number;
  /** The reason a RETURNED application came back (Art. 16). */
  returnReason: string | null;
}

/** The applicant's application in progress, for the form; null when there is none. */
export async function getDraftView(actor: Actor): Promise<DraftView | null> {
  const id = await findEditableApplicationId(prisma, actor.id);
  if (!id) return null;
  const record = await loadDraftRecord(prisma, id);
  if (!record) return null;
  assertCan(actor, "application:update", { ownerId: record.applicantUserId, districtCode: record.districtCode });
  const saved = await savedSteps(prisma, record);
  const household = rulesHousehold(draftToRawInput(record) as Parameters<typeof rulesHousehold>[0]);
  const returned = record.status === "RETURNED"
    ? await prisma.applicationStatusEvent.findFirst({
        where: { applicationId: record.id, toStatus: "RETURNED" },
        orderBy: { at: "desc" },
        select: { reason: true },
      })
    : null;
  return {
    applicationId: record.id,
    applicationNo: record.applicationNo.startsWith(DRAFT_NUMBER_PREFIX) ? null : record.applicationNo,
    status: record.status as "DRAFT" | "RETURNED",
    savedSteps: APPLY_STEPS.filter((s) => saved.has(s)),
    nextStep: APPLY_STEPS.find((s) => s !== "review" && !saved.has(s)) ?? "review",
    record,
    allowedUnitTypes: household ? allowedUnitTypes(household) : null,
    householdSize: household?.length ?? record.members.length,
    returnReason: returned?.reason ?? null,
  };
}

export interface ExplainedReason {
  code: string;
  article: string;
  text: string;
}

export interface DraftReview {
  issues: DraftIssue[];
  /** Null while the household data is incomplete. */
  eligibility: EligibilityResult | null;
  explained: ExplainedReason[];
  referenceIncomeYear: number | null;
  missingDocuments: UploadDocumentKind[][];
}

/**
 * What the review step shows: every problem that would stop the submission (by step), and the
 * eligibility pre-check from lib/rules with each reason explained by article in `locale`.
 * Read-only; the submission re-checks everything in its own transaction.
 */
export async function reviewDraft(actor: Actor, locale: RulesLocale, options: { now?: Date } = {}): Promise<DraftReview | null> {
  const view = await getDraftView(actor);
  if (!view) return null;
  const today = todayCST(options.now ?? clockNow());
  const issues: DraftIssue[] = [];
  for (const step of DATA_STEPS) {
    if (!view.savedSteps.includes(step)) issues.push({ path: `steps.${step}`, step, message: V.stepIncomplete });
  }
  const raw = draftToRawInput(view.record, { consentToVerification: true, declarationTrue: true });
  const parsed = applicationInputSchema.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const path = issuePath(i.path);
      const step = stepOfPath(path);
      if (!issues.some((x) => x.step === step && x.message === V.stepIncomplete)) issues.push({ path, step, message: i.message });
    }
  }
  const missingDocuments = missingDocumentGroups(view.record.declaration?.employment, view.record.documents.map((d) => d.kind));
  if (missingDocuments.length > 0) issues.push({ path: "documents", step: "documents", message: V.documentsMissing });

  let eligibility: EligibilityResult | null = null;
  let referenceIncomeYear: number | null = null;
  if (parsed.success) {
    const input = parsed.data;
    const placement = await placementIssues(prisma, {
      districtCode: input.districtCode,
      estateLevel: input.estateLevel,
      workDistrictCode: input.applicant.workDistrictCode,
      estateCodes: input.preferences.estateCodes,
      unitType: input.preferences.unitType,
    });
    for (const i of [...placement, ...transferDateIssues(input.housing.lastHousingTransferDate, today)]) {
      issues.push({ ...i, step: stepOfPath(i.path) });
    }
    const precheck = await runPrecheck(prisma, input, today);
    eligibility = precheck.result;
    referenceIncomeYear = precheck.referenceIncomeYear;
    // Art. 40: a ban in force is the authority's own record, not a declaration to verify: the portal does not submit.
    if (isBannedResult(eligibility)) issues.push({ path: "members", step: "household", message: V.banned });
  }
  return {
    issues,
    eligibility,
    explained: (eligibility?.reasons ?? []).map((r) => ({ code: r.code, article: r.article, text: explainIneligibility(r, locale) })),
    referenceIncomeYear,
    missingDocuments,
  };
}

/** Before the form: the number of an application already under way (then no new one may start). */
export async function activeApplicationNoFor(actor: Actor): Promise<string | null> {
  return findActiveApplicationNo(prisma, actor.id);
}

export { EDITABLE_STATUSES };

import { z } from "zod";
import { PHONE_PATTERN, normalizePhone } from "@/lib/auth/schemas";
import { isValidISODate } from "@/lib/rules/dates";
import { EMPLOYMENT_BASES, PRIORITY_CATEGORIES, RELATIONSHIPS } from "@/lib/rules/eligibility-types";
import type { HouseholdMember as RulesMember } from "@/lib/rules/eligibility-types";
import { EMPLOYMENTS_NEEDING_EMPLOYER, MARITAL_STATUSES, householdDeclarationIssues, isMigrantWorker, type HouseholdIssue, type HouseholdIssueCode } from "@/lib/rules/household";
import { birthDateFromResidentId, isValidResidentId, sexFromResidentId } from "@/lib/rules/identity";
import { UNIT_TYPES, allowedUnitTypes } from "@/lib/rules/unit-type";
import { MAX_ANNUAL_INCOME_FEN, parseDm2, parseFen, type AmountProblem } from "@/lib/money/parse";
import { areaDm2FromM2 } from "@/lib/rules/area";

// THE schema of an application (Art. 12-16, 21), shared by the portal's forms (instant feedback in
// the browser), its server actions, the intake API and the submission service. Messages are keys
// under `applications.validation` in messages/*.json. Only what can be checked without the
// database is checked here; lib/applications/validate-application.ts checks the rest (districts,
// estates, Art. 15) and Art. 12 conflicts. Sex and birth date are never fields: they come from
// each resident ID (GB 11643-1999), through lib/rules. Pure: no server-only imports.

const K = "applications.validation.";
export const V = {
  invalid: `${K}invalid`,
  objectRequired: `${K}objectRequired`,
  nameRequired: `${K}nameRequired`,
  nameTooLong: `${K}nameTooLong`,
  textInvalid: `${K}textInvalid`,
  textTooLong: `${K}textTooLong`,
  residentIdRequired: `${K}residentIdRequired`,
  residentIdInvalid: `${K}residentIdInvalid`,
  duplicateResidentId: `${K}duplicateResidentId`,
  relationshipRequired: `${K}relationshipRequired`,
  applicantInMembers: `${K}applicantInMembers`,
  moreThanOneSpouse: `${K}moreThanOneSpouse`,
  spouseRequiresMarried: `${K}spouseRequiresMarried`,
  maritalStatusRequired: `${K}maritalStatusRequired`,
  booleanRequired: `${K}booleanRequired`,
  incomeRequired: `${K}incomeRequired`,
  incomeInvalid: `${K}incomeInvalid`,
  incomeTooLarge: `${K}incomeTooLarge`,
  membersTooMany: `${K}membersTooMany`,
  employmentRequired: `${K}employmentRequired`,
  employerRequired: `${K}employerRequired`,
  workDistrictRequired: `${K}workDistrictRequired`,
  workDistrictUnknown: `${K}workDistrictUnknown`,
  districtRequired: `${K}districtRequired`,
  districtUnknown: `${K}districtUnknown`,
  estateLevelRequired: `${K}estateLevelRequired`,
  municipalNeedsCentralOffice: `${K}municipalNeedsCentralOffice`,
  municipalNeedsCentralWork: `${K}municipalNeedsCentralWork`,
  districtLevelWorkMismatch: `${K}districtLevelWorkMismatch`,
  estatesRequired: `${K}estatesRequired`,
  estatesTooMany: `${K}estatesTooMany`,
  estateDuplicate: `${K}estateDuplicate`,
  estateUnknown: `${K}estateUnknown`,
  estateWrongLevel: `${K}estateWrongLevel`,
  estateOutOfScope: `${K}estateOutOfScope`,
  estateNoUnitType: `${K}estateNoUnitType`,
  unitTypeRequired: `${K}unitTypeRequired`,
  unitTypeTooLarge: `${K}unitTypeTooLarge`,
  areaInvalid: `${K}areaInvalid`,
  areaTooLarge: `${K}areaTooLarge`,
  areaRequired: `${K}areaRequired`,
  areaWithoutHousing: `${K}areaWithoutHousing`,
  transferDateInvalid: `${K}transferDateInvalid`,
  transferDateFuture: `${K}transferDateFuture`,
  priorityInvalid: `${K}priorityInvalid`,
  consentRequired: `${K}consentRequired`,
  declarationRequired: `${K}declarationRequired`,
  phoneInvalid: `${K}phoneInvalid`,
  alreadyHoused: `${K}alreadyHoused`,
  banned: `${K}banned`,
  documentsMissing: `${K}documentsMissing`,
  stepIncomplete: `${K}stepIncomplete`,
} as const;

export { EMPLOYMENTS_NEEDING_EMPLOYER, MARITAL_STATUSES, isMigrantWorker as migrantWorkerFlag };
export const ESTATE_LEVELS = ["MUNICIPAL", "DISTRICT"] as const;
export const CO_MEMBER_RELATIONSHIPS = RELATIONSHIPS.filter((r) => r !== "APPLICANT") as readonly Exclude<
  (typeof RELATIONSHIPS)[number],
  "APPLICANT"
>[];
/** A household of more than this is surely a mistake (or an attack on the form). */
export const MAX_HOUSEHOLD_MEMBERS = 20;
export const MAX_PREFERRED_ESTATES = 5;

export type MaritalStatus = (typeof MARITAL_STATUSES)[number];
export type EstateLevelValue = (typeof ESTATE_LEVELS)[number];

// ───────────── field schemas ─────────────

// Control characters (NUL above all: PostgreSQL text refuses it) never belong in a form field.
const CONTROL = /[\u0000-\u001f\u007f]/;

function textSchema(max: number, requiredKey: string) {
  return z
    .string({ error: requiredKey })
    .trim()
    .min(1, { error: requiredKey })
    .max(max, { error: max <= 50 ? V.nameTooLong : V.textTooLong })
    .refine((s) => !CONTROL.test(s), { error: V.textInvalid });
}

export const personNameSchema = textSchema(50, V.nameRequired);

export const residentIdSchema = z
  .string({ error: V.residentIdRequired })
  .trim()
  // An empty number is "required", not also "invalid": one message per problem.
  .min(1, { error: V.residentIdRequired, abort: true })
  .toUpperCase()
  .refine((id) => isValidResidentId(id), { error: V.residentIdInvalid });

const booleanSchema = z.boolean({ error: V.booleanRequired });

// One message per amount, whatever is wrong with it (lib/money names the problem): "too large"
// for a figure above the field's limit, "invalid" for anything else that is not an amount.
function incomeMessage(problem: AmountProblem): string {
  return problem === "tooLarge" ? V.incomeTooLarge : problem === "empty" ? V.incomeRequired : V.incomeInvalid;
}
function areaMessage(problem: AmountProblem): string {
  return problem === "tooLarge" ? V.areaTooLarge : V.areaInvalid;
}

/** An annual income already in fen, as the intake API sends it: a whole number, at most MAX_ANNUAL_INCOME_FEN. */
export const fenSchema = z.number({ error: V.incomeRequired }).superRefine((fen, ctx) => {
  if (!Number.isFinite(fen) || fen < 0) ctx.addIssue({ code: "custom", message: V.incomeInvalid });
  else if (fen > MAX_ANNUAL_INCOME_FEN) ctx.addIssue({ code: "custom", message: V.incomeTooLarge });
  else if (!Number.isInteger(fen)) ctx.addIssue({ code: "custom", message: V.incomeInvalid });
});

/** Optional text: "" and null become null. */
function optionalText(max: number) {
  return z
    .union([z.string({ error: V.textInvalid }), z.null()], { error: V.textInvalid })
    .optional()
    .transform((v) => (v == null ? null : v.trim() === "" ? null : v.trim()))
    .refine((v) => v === null || v.length <= max, { error: V.textTooLong })
    .refine((v) => v === null || !CONTROL.test(v), { error: V.textInvalid });
}

const districtCodeSchema = (requiredKey: string) =>
  z.string({ error: requiredKey }).trim().regex(/^\d{6}$/, { error: requiredKey });

const optionalDistrictCode = z
  .union([z.string({ error: V.workDistrictUnknown }), z.null()], { error: V.workDistrictUnknown })
  .optional()
  .transform((v) => (v == null || v.trim() === "" ? null : v.trim()))
  .refine((v) => v === null || /^\d{6}$/.test(v), { error: V.workDistrictUnknown });

const isoDateOrNull = z
  .union([z.string({ error: V.transferDateInvalid }), z.null()], { error: V.transferDateInvalid })
  .optional()
  .transform((v) => (v == null || v.trim() === "" ? null : v.trim()))
  .refine((v) => v === null || (isValidISODate(v) && v >= "1900-01-01"), { error: V.transferDateInvalid });

const estateCodeSchema = z
  .string({ error: V.estateUnknown })
  .trim()
  .min(1, { error: V.estateUnknown })
  .max(40, { error: V.estateUnknown })
  .refine((s) => !CONTROL.test(s), { error: V.estateUnknown });

const phoneField = z
  .string({ error: V.phoneInvalid })
  .transform(normalizePhone)
  .refine((p) => PHONE_PATTERN.test(p), { error: V.phoneInvalid });

// ───────────── the application ─────────────

export const applicantInputSchema = z.object(
  {
    name: personNameSchema,
    residentId: residentIdSchema,
    /** Contact number for notices (Art. 19); the intake API requires it, the portal uses the account's. */
    phone: phoneField.optional(),
    maritalStatus: z.enum(MARITAL_STATUSES, { error: V.maritalStatusRequired }),
    fullCivilCapacity: booleanSchema,
    employment: z.enum(EMPLOYMENT_BASES as [string, ...string[]], { error: V.employmentRequired }).transform(
      (v) => v as (typeof EMPLOYMENT_BASES)[number],
    ),
    employerName: optionalText(100),
    workDistrictCode: optionalDistrictCode,
    isMigrantWorker: booleanSchema.default(false),
    annualIncomeFen: fenSchema,
  },
  { error: V.objectRequired },
);

export const coMemberInputSchema = z.object(
  {
    name: personNameSchema,
    residentId: residentIdSchema,
    relationship: z.enum(RELATIONSHIPS as [string, ...string[]], { error: V.relationshipRequired }).transform(
      (v) => v as (typeof RELATIONSHIPS)[number],
    ),
    maritalStatus: z
      .union([z.enum(MARITAL_STATUSES, { error: V.maritalStatusRequired }), z.null()], { error: V.maritalStatusRequired })
      .optional()
      .transform((v) => v ?? null),
    fullCivilCapacity: booleanSchema,
    annualIncomeFen: fenSchema,
  },
  { error: V.objectRequired },
);

export const housingInputSchema = z.object(
  {
    ownsUrbanHousingInCity: booleanSchema,
    /** Square metres as a number with at most two decimals (the intake API's unit); kept in m², stored as dm². */
    housingFloorAreaM2: z
      .number({ error: V.areaInvalid })
      .superRefine((m2, ctx) => {
        const dm2 = parseDm2(m2);
        if (!dm2.ok) ctx.addIssue({ code: "custom", message: areaMessage(dm2.problem) });
      })
      .default(0),
    lastHousingTransferDate: isoDateOrNull,
  },
  { error: V.objectRequired },
);

export const preferencesInputSchema = z.object(
  {
    estateCodes: z
      .array(estateCodeSchema, { error: V.estatesRequired })
      .min(1, { error: V.estatesRequired })
      .max(MAX_PREFERRED_ESTATES, { error: V.estatesTooMany }),
    unitType: z.enum(UNIT_TYPES as [string, ...string[]], { error: V.unitTypeRequired }).transform(
      (v) => v as (typeof UNIT_TYPES)[number],
    ),
  },
  { error: V.objectRequired },
);

const priorityCategoriesSchema = z
  .array(z.enum(PRIORITY_CATEGORIES as [string, ...string[]], { error: V.priorityInvalid }), { error: V.priorityInvalid })
  .max(PRIORITY_CATEGORIES.length * 2, { error: V.priorityInvalid })
  .default([])
  .transform((list) => [...new Set(list)] as (typeof PRIORITY_CATEGORIES)[number][]);

/** Everything about a household's application except how it arrived (Art. 12-16, 21). */
export const applicationInputShape = {
  /** The district or county office that receives the application (Art. 15). */
  districtCode: districtCodeSchema(V.districtRequired),
  estateLevel: z.enum(ESTATE_LEVELS, { error: V.estateLevelRequired }),
  applicant: applicantInputSchema,
  members: z
    .array(coMemberInputSchema, { error: V.objectRequired })
    .max(MAX_HOUSEHOLD_MEMBERS - 1, { error: V.membersTooMany })
    .default([]),
  housing: housingInputSchema,
  familyCanSupportHousing: booleanSchema,
  priorityCategories: priorityCategoriesSchema,
  receivesRentalSubsidy: booleanSchema.default(false),
  preferences: preferencesInputSchema,
  consentToVerification: z.literal(true, { error: V.consentRequired }),
  declarationTrue: z.literal(true, { error: V.declarationRequired }),
};

type Issue = { path: (string | number)[]; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map((v) => (isRecord(v) ? v : {})) : [];
}

/**
 * Run household rules even when a field already failed (so that a person sees every problem at
 * once), as long as the payload is an object; the rules themselves tolerate invalid fields.
 */
export const ALWAYS_FOR_OBJECTS = { when: (payload: { value: unknown }) => isRecord(payload.value) } as never;

/** The form field and message of each household issue lib/rules reports (Art. 12, 13.3, 13.5, 15). */
const HOUSEHOLD_ISSUE_FIELDS: Record<HouseholdIssueCode, { field: string; message: string }> = {
  DUPLICATE_PERSON: { field: "residentId", message: V.duplicateResidentId },
  APPLICANT_AMONG_MEMBERS: { field: "relationship", message: V.applicantInMembers },
  MORE_THAN_ONE_SPOUSE: { field: "relationship", message: V.moreThanOneSpouse },
  SPOUSE_NEEDS_MARRIED_APPLICANT: { field: "maritalStatus", message: V.spouseRequiresMarried },
  EMPLOYER_REQUIRED: { field: "employerName", message: V.employerRequired },
  WORK_DISTRICT_REQUIRED: { field: "workDistrictCode", message: V.workDistrictRequired },
  AREA_WITHOUT_HOUSING: { field: "housingFloorAreaM2", message: V.areaWithoutHousing },
  AREA_REQUIRED: { field: "housingFloorAreaM2", message: V.areaRequired },
};

/** A rules issue as a zod issue at its field in the application's shape. */
function issueAt(issue: HouseholdIssue): Issue {
  const { field, message } = HOUSEHOLD_ISSUE_FIELDS[issue.code];
  const owner = issue.who === "applicant" ? ["applicant"] : issue.who === "housing" ? ["housing"] : ["members", issue.who];
  return { path: [...owner, field], message };
}

/**
 * Household rules that need several fields at once, as lib/rules judges them (Art. 12, 13.3,
 * 13.5, 15), plus the unit type the household may take (Art. 21). Defensive: fields may be invalid.
 * `housing.housingFloorAreaM2` is read as a number of m² (the application's shape).
 */
export function householdIssues(data: {
  applicant?: { residentId?: unknown; maritalStatus?: unknown; employment?: unknown; employerName?: unknown; workDistrictCode?: unknown };
  members?: Array<{ residentId?: unknown; relationship?: unknown }>;
  housing?: { ownsUrbanHousingInCity?: unknown; housingFloorAreaM2?: unknown };
  preferences?: { unitType?: unknown };
}, household?: RulesMember[] | null): Issue[] {
  if (!isRecord(data)) return [];
  const housing = isRecord(data.housing) ? data.housing : undefined;
  const m2 = housing?.housingFloorAreaM2;
  const issues = householdDeclarationIssues({
    applicant: isRecord(data.applicant) ? data.applicant : undefined,
    members: records(data.members),
    housing: housing ? { ownsUrbanHousingInCity: housing.ownsUrbanHousingInCity, floorAreaDm2: typeof m2 === "number" ? areaDm2FromM2(m2) ?? undefined : undefined } : undefined,
  }).map(issueAt);

  // Art. 21: only a unit type the household may take.
  const unitType = isRecord(data.preferences) ? data.preferences.unitType : undefined;
  if (household && household.length > 0 && typeof unitType === "string") {
    if (!(allowedUnitTypes(household) as string[]).includes(unitType)) {
      issues.push({ path: ["preferences", "unitType"], message: V.unitTypeTooLarge });
    }
  }
  return issues;
}

/** The household as lib/rules sees it, or null while any resident ID is invalid. Sex and birth date from the IDs. */
export function rulesHousehold(data: {
  applicant?: { residentId?: unknown; fullCivilCapacity?: unknown; annualIncomeFen?: unknown };
  members?: Array<{ residentId?: unknown; relationship?: unknown; fullCivilCapacity?: unknown; annualIncomeFen?: unknown }>;
}): RulesMember[] | null {
  if (!isRecord(data)) return null;
  const people = [
    { ...(isRecord(data.applicant) ? data.applicant : {}), relationship: "APPLICANT" },
    ...records(data.members),
  ];
  const out: RulesMember[] = [];
  for (const p of people) {
    if (typeof p.residentId !== "string" || !isValidResidentId(p.residentId)) return null;
    if (!(RELATIONSHIPS as readonly unknown[]).includes(p.relationship)) return null;
    out.push({
      relationship: p.relationship as RulesMember["relationship"],
      sex: sexFromResidentId(p.residentId),
      birthDate: birthDateFromResidentId(p.residentId),
      fullCivilCapacity: p.fullCivilCapacity === true,
      annualIncomeFen: typeof p.annualIncomeFen === "number" && Number.isSafeInteger(p.annualIncomeFen) && p.annualIncomeFen >= 0 ? p.annualIncomeFen : 0,
    });
  }
  return out;
}

export const applicationInputSchema = z.object(applicationInputShape, { error: V.objectRequired }).superRefine((data, ctx) => {
  const household = rulesHousehold(data);
  for (const issue of householdIssues(data, household)) ctx.addIssue({ code: "custom", ...issue });
}, ALWAYS_FOR_OBJECTS);

/** A complete, checked application as the submission service takes it. */
export type ApplicationInput = z.output<typeof applicationInputSchema>;
export type ApplicationInputRaw = z.input<typeof applicationInputSchema>;

// Field paths, issue grouping and the list of steps live in ./steps, which the step forms load
// without zod (docs/decisions/009-client-bundles.md).
export { APPLY_STEPS, groupIssues, isApplyStep, issuePath, stepOfPath, type ApplyStep } from "./steps";

/** An annual income typed in yuan → fen (lib/money). */
const yuanSchema = z.string({ error: V.incomeRequired }).transform((text, ctx) => {
  const fen = parseFen(text, { max: MAX_ANNUAL_INCOME_FEN });
  if (fen.ok) return fen.value;
  ctx.addIssue({ code: "custom", message: incomeMessage(fen.problem) });
  return z.NEVER;
});

/** A person of the household step: the form's `annualIncomeYuan` (text in yuan) comes out as `annualIncomeFen`. */
function withIncomeInFen<T extends { annualIncomeYuan: number }>({ annualIncomeYuan, ...person }: T): Omit<T, "annualIncomeYuan"> & { annualIncomeFen: number } {
  return { ...person, annualIncomeFen: annualIncomeYuan };
}

/** Step 1: the applicant and the household (Art. 12). Incomes typed in yuan (`annualIncomeYuan`), parsed to fen (`annualIncomeFen`). */
export const householdStepSchema = z
  .object(
    {
      applicant: z.object(
        {
          name: personNameSchema,
          residentId: residentIdSchema,
          maritalStatus: z.enum(MARITAL_STATUSES, { error: V.maritalStatusRequired }),
          fullCivilCapacity: booleanSchema,
          annualIncomeYuan: yuanSchema,
        },
        { error: V.objectRequired },
      ).transform(withIncomeInFen),
      members: z
        .array(
          z.object(
            {
              name: personNameSchema,
              residentId: residentIdSchema,
              relationship: z.enum(CO_MEMBER_RELATIONSHIPS as unknown as [string, ...string[]], { error: V.relationshipRequired }).transform(
                (v) => v as (typeof CO_MEMBER_RELATIONSHIPS)[number],
              ),
              maritalStatus: z
                .union([z.enum(MARITAL_STATUSES), z.literal(""), z.null()], { error: V.maritalStatusRequired })
                .optional()
                .transform((v) => (v ? v : null)),
              fullCivilCapacity: booleanSchema,
              annualIncomeYuan: yuanSchema,
            },
            { error: V.objectRequired },
          ).transform(withIncomeInFen),
          { error: V.objectRequired },
        )
        .max(MAX_HOUSEHOLD_MEMBERS - 1, { error: V.membersTooMany })
        .default([]),
    },
    { error: V.objectRequired },
  )
  .superRefine((data, ctx) => {
    for (const issue of householdIssues(data)) ctx.addIssue({ code: "custom", ...issue });
  }, ALWAYS_FOR_OBJECTS);
export type HouseholdStepInput = z.input<typeof householdStepSchema>;
export type HouseholdStep = z.output<typeof householdStepSchema>;

/** Step 2: the applicant's work and income basis in Chongqing (Art. 13.3) and where they work (Art. 15). */
export const workStepSchema = z
  .object(
    {
      employment: applicantInputSchema.shape.employment,
      employerName: optionalText(100),
      workDistrictCode: optionalDistrictCode,
    },
    { error: V.objectRequired },
  )
  .superRefine((data, ctx) => {
    for (const issue of householdIssues({ applicant: data })) ctx.addIssue({ code: "custom", path: issue.path.slice(1), message: issue.message });
  }, ALWAYS_FOR_OBJECTS);
export type WorkStepInput = z.input<typeof workStepSchema>;
export type WorkStep = z.output<typeof workStepSchema>;

/**
 * Step 3: housing (Art. 13.5), family support (13.6), priority categories (14, 22). The area is
 * typed in m² (`housingFloorAreaM2`, text) and comes out in dm² (`housingFloorAreaDm2`).
 */
export const housingStepSchema = z
  .object(
    {
      ownsUrbanHousingInCity: booleanSchema,
      housingFloorAreaM2: z
        .string({ error: V.areaInvalid })
        .optional()
        .transform((text, ctx) => {
          if (!text || text.trim() === "") return 0;
          const dm2 = parseDm2(text);
          if (dm2.ok) return dm2.value;
          ctx.addIssue({ code: "custom", message: areaMessage(dm2.problem) });
          return z.NEVER;
        }),
      lastHousingTransferDate: isoDateOrNull,
      familyCanSupportHousing: booleanSchema,
      priorityCategories: priorityCategoriesSchema,
      receivesRentalSubsidy: booleanSchema.default(false),
    },
    { error: V.objectRequired },
  )
  .superRefine((data, ctx) => {
    // The parsed field already holds dm² (typed in m², parsed exactly); issues go to the typed field.
    const issues = householdDeclarationIssues({ housing: { ownsUrbanHousingInCity: data.ownsUrbanHousingInCity, floorAreaDm2: data.housingFloorAreaM2 } });
    for (const issue of issues) ctx.addIssue({ code: "custom", path: [HOUSEHOLD_ISSUE_FIELDS[issue.code].field], message: HOUSEHOLD_ISSUE_FIELDS[issue.code].message });
  }, ALWAYS_FOR_OBJECTS)
  .transform(({ housingFloorAreaM2, ...step }) => ({ ...step, housingFloorAreaDm2: housingFloorAreaM2 }));
export type HousingStepInput = z.input<typeof housingStepSchema>;
export type HousingStep = z.output<typeof housingStepSchema>;

/** Step 4: the receiving office and estate level (Art. 15), estates and unit type (Art. 21, 23). */
export const whereStepSchema = z
  .object(
    {
      districtCode: districtCodeSchema(V.districtRequired),
      estateLevel: z.enum(ESTATE_LEVELS, { error: V.estateLevelRequired }),
      estateCodes: preferencesInputSchema.shape.estateCodes,
      unitType: preferencesInputSchema.shape.unitType,
    },
    { error: V.objectRequired },
  )
  .superRefine((data, ctx) => {
    if (Array.isArray(data.estateCodes) && new Set(data.estateCodes).size !== data.estateCodes.length) {
      ctx.addIssue({ code: "custom", path: ["estateCodes"], message: V.estateDuplicate });
    }
  }, ALWAYS_FOR_OBJECTS);
export type WhereStepInput = z.input<typeof whereStepSchema>;
export type WhereStep = z.output<typeof whereStepSchema>;

/** Step 6: consent to verification and the truthfulness declaration (Art. 16). */
export const submitDraftSchema = z.object({
  consentToVerification: z.literal(true, { error: V.consentRequired }),
  declarationTrue: z.literal(true, { error: V.declarationRequired }),
});
export type SubmitDraftInput = z.input<typeof submitDraftSchema>;

// ───────────── documents (Art. 16) ─────────────

/** What the applicant uploads and which groups an application needs are rules of Art. 16 (lib/rules/documents.ts). */
export { UPLOAD_DOCUMENT_KINDS, missingDocumentGroups, requiredDocumentGroups, type UploadDocumentKind } from "@/lib/rules/documents";
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_APPLICATION = 30;
export const ALLOWED_DOCUMENT_MIME_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;

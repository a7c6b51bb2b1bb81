import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromDateColumn } from "@/lib/clock";
import { areaM2FromDm2 } from "@/lib/rules";
import { migrantWorkerFlag, missingDocumentGroups, type ApplyStep } from "./schemas";

type Db = Prisma.TransactionClient;

// A portal application being filled in (DRAFT) or completed again after it was returned
// (RETURNED, Art. 16) lives in the same tables as a submitted one: members, declaration and
// preferences are saved at every step. This module reads it back in the application's shape.

/** A household member as the forms and the review page show them. */
export const memberFields = {
  id: true,
  relationship: true,
  name: true,
  residentId: true,
  sex: true,
  birthDate: true,
  maritalStatus: true,
  fullCivilCapacity: true,
  annualIncomeFen: true,
} satisfies Prisma.HouseholdMemberSelect;

/** The household's declaration as the forms and the review page show it. */
export const declarationFields = {
  employment: true,
  employerName: true,
  workDistrictCode: true,
  isMigrantWorker: true,
  ownsUrbanHousingInCity: true,
  housingFloorAreaDm2: true,
  lastHousingTransferDate: true,
  familyCanSupportHousing: true,
  priorityCategories: true,
  receivesRentalSubsidy: true,
} satisfies Prisma.ApplicationDeclarationSelect;

export const EDITABLE_STATUSES = ["DRAFT", "RETURNED"] as const;

export const draftSelect = {
  id: true,
  applicationNo: true,
  status: true,
  source: true,
  applicantUserId: true,
  contactPhone: true,
  districtCode: true,
  estateLevel: true,
  preferredUnitType: true,
  members: { select: memberFields, orderBy: { id: "asc" } },
  declaration: { select: declarationFields },
  estatePreferences: { select: { rank: true, estate: { select: { code: true } } }, orderBy: { rank: "asc" } },
  documents: { select: { id: true, kind: true, fileName: true, sizeBytes: true, mimeType: true }, orderBy: { uploadedAt: "asc" } },
} satisfies Prisma.ApplicationSelect;

export type DraftRecord = Prisma.ApplicationGetPayload<{ select: typeof draftSelect }>;

export async function loadDraftRecord(db: Db, applicationId: string): Promise<DraftRecord | null> {
  return db.application.findUnique({ where: { id: applicationId }, select: draftSelect });
}

/** The applicant's application in progress (a draft, or one returned to be completed), if any. */
export async function findEditableApplicationId(db: Db, userId: string): Promise<string | null> {
  const app = await db.application.findFirst({
    where: { applicantUserId: userId, status: { in: [...EDITABLE_STATUSES] } },
    orderBy: [{ status: "desc" }, { createdAt: "desc" }],
    select: { id: true },
  });
  return app?.id ?? null;
}

/** The stored application in the shape applicationInputSchema parses (values it lacks stay undefined). */
export function draftToRawInput(app: DraftRecord, flags: { consentToVerification?: unknown; declarationTrue?: unknown } = {}): Record<string, unknown> {
  const applicant = app.members.find((m) => m.relationship === "APPLICANT");
  const others = app.members.filter((m) => m !== applicant);
  const d = app.declaration;
  return {
    districtCode: app.districtCode,
    estateLevel: app.estateLevel,
    applicant: applicant
      ? {
          name: applicant.name,
          residentId: applicant.residentId,
          phone: app.contactPhone ?? undefined,
          maritalStatus: applicant.maritalStatus ?? undefined,
          fullCivilCapacity: applicant.fullCivilCapacity,
          annualIncomeFen: applicant.annualIncomeFen,
          employment: d?.employment,
          employerName: d?.employerName ?? null,
          workDistrictCode: d?.workDistrictCode ?? null,
          // The portal asks the employment basis only; the flag follows it (migrantWorkerFlag).
          isMigrantWorker: migrantWorkerFlag(d?.employment),
        }
      : undefined,
    members: others.map((m) => ({
      name: m.name,
      residentId: m.residentId,
      relationship: m.relationship,
      maritalStatus: m.maritalStatus,
      fullCivilCapacity: m.fullCivilCapacity,
      annualIncomeFen: m.annualIncomeFen,
    })),
    housing: d
      ? {
          ownsUrbanHousingInCity: d.ownsUrbanHousingInCity,
          housingFloorAreaM2: areaM2FromDm2(d.housingFloorAreaDm2),
          lastHousingTransferDate: d.lastHousingTransferDate ? fromDateColumn(d.lastHousingTransferDate) : null,
        }
      : undefined,
    familyCanSupportHousing: d?.familyCanSupportHousing,
    priorityCategories: d?.priorityCategories ?? [],
    receivesRentalSubsidy: d?.receivesRentalSubsidy ?? false,
    preferences: {
      estateCodes: app.estatePreferences.map((p) => p.estate.code),
      unitType: app.preferredUnitType ?? undefined,
    },
    consentToVerification: flags.consentToVerification,
    declarationTrue: flags.declarationTrue,
  };
}

export const DRAFT_CREATED_ACTION = "application.draft_created";
export const DRAFT_SAVED_ACTION = "application.draft_saved";

/**
 * Which steps of the form the applicant has saved. A draft started in the portal records each
 * saved step in the audit log (the schema has no progress column; see docs/decisions/005), so
 * placeholder values written by an earlier step are never taken for answers. Applications that
 * did not start in the portal's form (returned ones, drafts created by other means) count every
 * step whose data exists.
 */
export async function savedSteps(db: Db, app: DraftRecord): Promise<Set<ApplyStep>> {
  const steps = new Set<ApplyStep>();
  const hasApplicant = app.members.some((m) => m.relationship === "APPLICANT");
  const created = app.status === "DRAFT"
    ? await db.auditLog.findFirst({ where: { entityType: "Application", entityId: app.id, action: DRAFT_CREATED_ACTION }, select: { id: true } })
    : null;
  if (created) {
    const rows = await db.auditLog.findMany({
      where: { entityType: "Application", entityId: app.id, action: DRAFT_SAVED_ACTION },
      select: { data: true },
    });
    for (const row of rows) {
      const step = (row.data as { step?: unknown } | null)?.step;
      if (step === "household" || step === "work" || step === "housing" || step === "where") steps.add(step);
    }
  } else {
    if (hasApplicant) steps.add("household");
    if (app.declaration) {
      steps.add("work");
      steps.add("housing");
    }
    if (app.estatePreferences.length > 0 && app.preferredUnitType) steps.add("where");
  }
  if (!hasApplicant) steps.delete("household");
  if (!app.declaration) {
    steps.delete("work");
    steps.delete("housing");
  }
  const kinds = app.documents.map((d) => d.kind as string);
  if (missingDocumentGroups(app.declaration?.employment, kinds).length === 0) steps.add("documents");
  return steps;
}

import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { areaDm2FromM2, isPriorityHousehold, type EligibilityResult } from "@/lib/rules";
import { transitionApplication } from "./transitions";
import { draftToRawInput, EDITABLE_STATUSES, loadDraftRecord } from "./draft-data";
import { applicationValidationError, type FieldIssue } from "./errors";
import { claimPeople, createApplicationRecord, peopleOf, writeDeclaration, writeMembers, writePreferences } from "./household-store";
import { isProvisionalNumber, nextApplicationNo } from "./numbering";
import { isBannedResult, runPrecheck } from "./precheck";
import { applicationInputSchema, issuePath, migrantWorkerFlag, missingDocumentGroups, V, type ApplicationInput } from "./schemas";
import { placementIssues, transferDateIssues } from "./validate-application";

// THE submission of an application (Art. 12-16, 19), for the portal's final step and the intake
// API alike: one transaction validates the whole household, refuses Art. 12 conflicts, numbers
// the application, stores members, declaration and preferences, attaches the eligibility
// pre-check (which never rejects: officers decide, Art. 19), moves it to SUBMITTED through the
// state machine, and tells the applicant. Any failure leaves nothing behind.

type Tx = Prisma.TransactionClient;

/** The portal: the applicant submits their draft (or a returned application) with the Art. 16 declarations. */
export interface PortalSubmission {
  kind: "portal";
  actor: Actor;
  applicationId: string;
  consentToVerification: unknown;
  declarationTrue: unknown;
}

/** The 渝快办 platform through the intake API (Art. 15): a whole application at once, without a portal account. */
export interface IntakeSubmission {
  kind: "intake";
  externalId: string;
  /** The raw application (parsed here with applicationInputSchema). */
  input: unknown;
  /** When the applicant submitted it on the platform, as the platform says (kept in the audit log). */
  platformSubmittedAt?: string | null;
  /** Builds the response body (JSON text) stored for idempotent replays, from the result. */
  responseBody?: (result: Omit<SubmitResult, "responseBody">) => string;
}

export interface SubmitResult {
  applicationId: string;
  applicationNo: string;
  status: "SUBMITTED";
  eligibility: EligibilityResult;
  /** Intake only: the response body (JSON text) stored with the application, returned verbatim to replays. */
  responseBody?: string;
}

/** Parses raw input into a checked application, or throws the VALIDATION AppError with every issue. */
export function parseApplicationInput(raw: unknown): ApplicationInput {
  const parsed = applicationInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw applicationValidationError(parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })));
  }
  return parsed.data;
}

export async function submitApplication(
  submission: PortalSubmission | IntakeSubmission,
  options: { now?: Date } = {},
): Promise<SubmitResult> {
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  // Parse the platform's input before opening a transaction: most refusals need no database.
  const intakeInput = submission.kind === "intake" ? parseApplicationInput(submission.input) : null;

  return prisma.$transaction(
    async (tx) => {
      let input: ApplicationInput;
      let applicationId: string | null = null;
      let applicantUserId: string | null = null;
      let contactPhone: string | null = null;
      let fromStatus: "DRAFT" | "RETURNED" = "DRAFT";

      if (submission.kind === "portal") {
        const draft = await loadDraftRecord(tx, submission.applicationId);
        if (!draft) throw new AppError("NOT_FOUND");
        assertCan(submission.actor, "application:update", { ownerId: draft.applicantUserId, districtCode: draft.districtCode });
        if (!(EDITABLE_STATUSES as readonly string[]).includes(draft.status)) {
          throw new AppError("CONFLICT", { messageKey: "applications.errors.notEditable" });
        }
        fromStatus = draft.status as "DRAFT" | "RETURNED";
        const raw = draftToRawInput(draft, {
          consentToVerification: submission.consentToVerification,
          declarationTrue: submission.declarationTrue,
        });
        const parsed = applicationInputSchema.safeParse(raw);
        const issues: FieldIssue[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
        // Art. 16: the portal's applicant uploads the documents the agencies cannot get by data sharing.
        const missing = missingDocumentGroups(draft.declaration?.employment, draft.documents.map((d) => d.kind));
        if (missing.length > 0) issues.push({ path: "documents", message: V.documentsMissing });
        if (!parsed.success || issues.length > 0) throw applicationValidationError(issues);
        input = parsed.data;
        applicationId = draft.id;
        applicantUserId = draft.applicantUserId;
        contactPhone = draft.contactPhone;
      } else {
        input = intakeInput!;
        contactPhone = input.applicant.phone ?? null;
      }

      // Districts, Art. 15, estates, dates: every issue at once.
      const issues = [
        ...(await placementIssues(tx, {
          districtCode: input.districtCode,
          estateLevel: input.estateLevel,
          workDistrictCode: input.applicant.workDistrictCode,
          estateCodes: input.preferences.estateCodes,
          unitType: input.preferences.unitType,
        })),
        ...transferDateIssues(input.housing.lastHousingTransferDate, today),
      ];
      if (issues.length > 0) throw applicationValidationError(issues);

      // Art. 12: nobody may be on two open applications or leases (decided under a lock per person).
      const externalId = submission.kind === "intake" ? submission.externalId : null;
      await claimPeople(tx, peopleOf(input), applicationId, {
        whileLocked: async () => {
          if (externalId && (await tx.application.findUnique({ where: { externalId }, select: { id: true } }))) {
            throw new AppError("CONFLICT", { messageKey: "applications.errors.duplicateExternalId" });
          }
        },
      });

      if (submission.kind === "intake") {
        const created = await createApplicationRecord(tx, {
          source: "INTAKE_API",
          externalId: submission.externalId,
          applicantUserId: null,
          contactPhone,
          districtCode: input.districtCode,
          estateLevel: input.estateLevel,
          actor: null,
          at,
          auditData: { externalId: submission.externalId, platformSubmittedAt: submission.platformSubmittedAt ?? null },
        });
        applicationId = created.id;
      }
      const id = applicationId!;

      await storeApplication(tx, id, input);

      const current = await tx.application.findUniqueOrThrow({ where: { id }, select: { applicationNo: true } });
      const applicationNo = isProvisionalNumber(current.applicationNo)
        ? await nextApplicationNo(tx, input.districtCode, Number(today.slice(0, 4)))
        : current.applicationNo;

      const precheck = await runPrecheck(tx, input, today);
      if (submission.kind === "portal" && isBannedResult(precheck.result)) throw applicationValidationError([{ path: "members", message: V.banned }]);
      await tx.application.update({
        where: { id },
        data: {
          applicationNo,
          districtCode: input.districtCode,
          estateLevel: input.estateLevel,
          preferredUnitType: input.preferences.unitType,
          isPriority: isPriorityHousehold(input.priorityCategories),
          contactPhone,
          consentedAt: at,
          declaredTrueAt: at,
          precheck: precheck.result as unknown as Prisma.InputJsonValue,
          precheckEligible: precheck.result.eligible,
          precheckAt: at,
          referenceIncomeYear: precheck.referenceIncomeYear,
        },
      });

      const actor = submission.kind === "portal" ? { id: submission.actor.id, role: submission.actor.role } : null;
      await transitionApplication(tx, {
        applicationId: id,
        to: "SUBMITTED",
        actor,
        at,
        data: { submittedAt: at, dueDate: null },
        action: fromStatus === "RETURNED" ? "application.resubmitted" : "application.submitted",
        auditData: {
          from: fromStatus,
          to: "SUBMITTED",
          source: submission.kind === "portal" ? "PORTAL" : "INTAKE_API",
          applicationNo,
          precheckEligible: precheck.result.eligible,
          reasonCodes: precheck.result.reasons.map((r) => r.code),
        },
      });

      const events = await tx.applicationStatusEvent.count({ where: { applicationId: id, toStatus: "SUBMITTED" } });
      await notifyApplicant(tx, {
        applicationId: id,
        userId: applicantUserId,
        phone: contactPhone,
        templateKey: fromStatus === "RETURNED" ? "applications.resubmitted" : "applications.submitted",
        params: { applicationNo },
        dedupeKey: `application:${id}:submitted:${events}`,
        at,
      });

      const result: SubmitResult = { applicationId: id, applicationNo, status: "SUBMITTED", eligibility: precheck.result };
      if (submission.kind === "intake" && submission.responseBody) {
        result.responseBody = submission.responseBody(result);
        await tx.application.update({ where: { id }, data: { intakeResponse: result.responseBody } });
      }
      return result;
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

/** Replaces the household, declaration and preferences with exactly what was validated. */
async function storeApplication(tx: Tx, applicationId: string, input: ApplicationInput): Promise<void> {
  await writeMembers(tx, applicationId, [
    { ...input.applicant, relationship: "APPLICANT", maritalStatus: input.applicant.maritalStatus },
    ...input.members,
  ]);
  await writeDeclaration(tx, applicationId, {
    work: {
      employment: input.applicant.employment,
      employerName: input.applicant.employerName,
      workDistrictCode: input.applicant.workDistrictCode,
      isMigrantWorker: migrantWorkerFlag(input.applicant.employment, input.applicant.isMigrantWorker),
    },
    housing: {
      ownsUrbanHousingInCity: input.housing.ownsUrbanHousingInCity,
      housingFloorAreaDm2: areaDm2FromM2(input.housing.housingFloorAreaM2) ?? 0,
      lastHousingTransferDate: input.housing.lastHousingTransferDate,
      familyCanSupportHousing: input.familyCanSupportHousing,
      priorityCategories: input.priorityCategories,
      receivesRentalSubsidy: input.receivesRentalSubsidy,
    },
  });
  await writePreferences(tx, applicationId, input.preferences.estateCodes);
}

import "server-only";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { now as clockNow, todayCST } from "@/lib/clock";
import { declarationFields, memberFields } from "@/lib/applications/draft-data";
import { prisma } from "@/lib/db/client";
import { districtNames } from "@/lib/reference/districts";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deadlineDate, maskResidentId, type EligibilityResult, type ISODate } from "@/lib/rules";
import { stageDueDate, workingDaysOverdue } from "./queue";

// Everything an officer needs to decide on one application: the household, the declaration, the
// documents, the pre-check with its reasons, the history and the decisions so far. Full resident
// ID numbers only for the officers of the application's district, who decide on it.

const scalarSelect = {
  id: true,
  applicationNo: true,
  source: true,
  status: true,
  statusChangedAt: true,
  districtCode: true,
  estateLevel: true,
  preferredUnitType: true,
  isPriority: true,
  consentedAt: true,
  declaredTrueAt: true,
  submittedAt: true,
  acceptedAt: true,
  firstReviewDueDate: true,
  secondReviewDueDate: true,
  rejectionNotifiedAt: true,
  appealDueDate: true,
  dueDate: true,
  qualifiedAt: true,
  precheck: true,
  precheckEligible: true,
  precheckAt: true,
  referenceIncomeYear: true,
  contactPhone: true,
} satisfies Prisma.ApplicationSelect;

const declarationSelect = declarationFields;
const memberSelect = memberFields;

const preferenceSelect = { rank: true, estate: { select: { code: true, name: true, nameEn: true } } } satisfies Prisma.ApplicationEstatePreferenceSelect;
const documentSelect = { id: true, kind: true, fileName: true, sizeBytes: true, uploadedAt: true } satisfies Prisma.DocumentSelect;
const eventSelect = {
  id: true,
  fromStatus: true,
  toStatus: true,
  at: true,
  actorRole: true,
  reason: true,
  reasonKey: true,
  reasonParams: true,
  actor: { select: { name: true } },
} satisfies Prisma.ApplicationStatusEventSelect;
const decisionSelect = {
  id: true,
  level: true,
  outcome: true,
  reasons: true,
  articlesCited: true,
  applicantMessage: true,
  comment: true,
  dueDate: true,
  decidedAt: true,
  notifiedAt: true,
  noticeMethod: true,
  officerId: true,
  officer: { select: { name: true } },
} satisfies Prisma.ReviewDecisionSelect;
const appealSelect = { id: true, status: true, appealedStatus: true, lodgedAt: true, decision: true, decisionReason: true, decidedAt: true } satisfies Prisma.AppealSelect;
const publicityEntrySelect = {
  id: true,
  outcome: true,
  batch: { select: { id: true, title: true, startDate: true, endDate: true, status: true } },
  objections: { select: { id: true, status: true, outcome: true } },
} satisfies Prisma.PublicityEntrySelect;

type DetailRow = Prisma.ApplicationGetPayload<{ select: typeof scalarSelect }> & {
  district: { name: string; nameEn: string };
  declaration:
    | (Omit<Prisma.ApplicationDeclarationGetPayload<{ select: typeof declarationSelect }>, "workDistrictCode"> & {
        workDistrict: { code: string; name: string; nameEn: string } | null;
      })
    | null;
  members: Prisma.HouseholdMemberGetPayload<{ select: typeof memberSelect }>[];
  estatePreferences: Prisma.ApplicationEstatePreferenceGetPayload<{ select: typeof preferenceSelect }>[];
  documents: Prisma.DocumentGetPayload<{ select: typeof documentSelect }>[];
  statusEvents: Prisma.ApplicationStatusEventGetPayload<{ select: typeof eventSelect }>[];
  reviewDecisions: Prisma.ReviewDecisionGetPayload<{ select: typeof decisionSelect }>[];
  appeals: Prisma.AppealGetPayload<{ select: typeof appealSelect }>[];
  publicityEntries: Prisma.PublicityEntryGetPayload<{ select: typeof publicityEntrySelect }>[];
};

const detailSelect = {
  ...scalarSelect,
  declaration: { select: declarationSelect },
  members: { select: memberSelect, orderBy: [{ relationship: "asc" }, { birthDate: "asc" }] },
  estatePreferences: { select: preferenceSelect, orderBy: { rank: "asc" } },
  documents: { select: documentSelect, orderBy: { uploadedAt: "asc" } },
  statusEvents: { select: eventSelect, orderBy: [{ at: "asc" }, { id: "asc" }] },
  reviewDecisions: { select: decisionSelect, orderBy: { decidedAt: "asc" } },
  appeals: { select: appealSelect, orderBy: { lodgedAt: "asc" } },
  publicityEntries: { select: publicityEntrySelect },
} satisfies Prisma.ApplicationSelect;

/**
 * The application with each of its parts in one statement: each part is a subquery on its own
 * (applicationId) index, joined into the application's row (Prisma's relationJoins;
 * docs/decisions/014). District names come from the reference data.
 */
async function loadDetail(applicationNo: string): Promise<DetailRow | null> {
  const row = await prisma.application.findUnique({ where: { applicationNo }, select: detailSelect });
  if (!row) return null;
  const { declaration, ...rest } = row;
  const names = districtNames(row.districtCode);
  let declared: DetailRow["declaration"] = null;
  if (declaration) {
    const { workDistrictCode, ...declaredRest } = declaration;
    const work = workDistrictCode ? districtNames(workDistrictCode) : null;
    declared = { ...declaredRest, workDistrict: work && workDistrictCode ? { code: workDistrictCode, name: work.districtName, nameEn: work.districtNameEn } : null };
  }
  return { ...rest, district: { name: names.districtName, nameEn: names.districtNameEn }, declaration: declared };
}

export interface ReviewReason {
  code: string;
  article: string | null;
  message?: string;
}

export interface ReviewDetail extends Omit<DetailRow, "members" | "precheck" | "reviewDecisions"> {
  members: Array<Omit<DetailRow["members"][number], "residentId"> & { residentId: string; isMasked: boolean }>;
  precheck: EligibilityResult | null;
  reviewDecisions: Array<Omit<DetailRow["reviewDecisions"][number], "reasons"> & { reasons: ReviewReason[] }>;
  stageDueDate: ISODate | null;
  daysOverdue: number;
  today: ISODate;
  /** The first review's due date if the application were accepted today (shown on the acceptance form). */
  acceptDueIfToday: ISODate;
  /** The officer who passed the latest first review (the second review must be someone else). */
  firstReviewerId: string | null;
  can: { accept: boolean; review: boolean; seeFullIds: boolean };
}

function parsePrecheck(value: Prisma.JsonValue | null): EligibilityResult | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.eligible !== "boolean" || !Array.isArray(v.reasons)) return null;
  return value as unknown as EligibilityResult;
}

/** A review decision's stored reasons (JSON), keeping only well-formed entries; also read by the appeals page. */
export function parseReasons(value: Prisma.JsonValue | null): ReviewReason[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r) => {
    if (!r || typeof r !== "object" || Array.isArray(r)) return [];
    const o = r as Record<string, unknown>;
    if (typeof o.code !== "string") return [];
    return [{ code: o.code, article: typeof o.article === "string" ? o.article : null, message: typeof o.message === "string" ? o.message : undefined }];
  });
}

/** One application for the review page, or null when it does not exist (or is still a draft). */
export async function getReviewDetail(actor: Actor, applicationNo: string, options: { now?: Date } = {}): Promise<ReviewDetail | null> {
  const row = await loadDetail(applicationNo);
  if (!row || row.status === "DRAFT") return null;
  assertCan(actor, "review:read", { districtCode: row.districtCode });
  const seeFullIds = can(actor, "application:review", { districtCode: row.districtCode });
  const today = todayCST(options.now ?? clockNow());
  const due = stageDueDate(row);
  const firstPass = [...row.reviewDecisions].reverse().find((d) => d.level === "FIRST" && d.outcome === "PASSED");
  return {
    ...row,
    members: row.members.map((m) => ({ ...m, residentId: seeFullIds ? m.residentId : maskResidentId(m.residentId), isMasked: !seeFullIds })),
    precheck: parsePrecheck(row.precheck),
    reviewDecisions: row.reviewDecisions.map((d) => ({ ...d, reasons: parseReasons(d.reasons) })),
    stageDueDate: due,
    daysOverdue: workingDaysOverdue(due, today),
    today,
    acceptDueIfToday: deadlineDate("FIRST_REVIEW", today),
    firstReviewerId: firstPass?.officerId ?? null,
    can: {
      accept: can(actor, "application:accept", { districtCode: row.districtCode }),
      review: seeFullIds,
      seeFullIds,
    },
  };
}


import "server-only";
import { transitionApplication } from "@/lib/applications/transitions";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { readPage } from "@/lib/db/paging";
import { districtNames } from "@/lib/reference/districts";
import { AppError } from "@/lib/errors";
import type { AppealDecision, AppealStatus, ApplicationStatus, Prisma } from "@/lib/generated/prisma/client";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { deadlineDate, type ISODate } from "@/lib/rules";
import { applicantContact, contactSelect, isAppealableStatus } from "@/lib/review/common";
import { parseReasons, type ReviewReason } from "@/lib/review/detail";

/** Appeals against refusals are made and decided under Art. 19. */
const APPEAL_ARTICLE = "19";
import { isAppealDocumentKind, pendingEvidenceWhere } from "./evidence";
import type { AppealFilter, DecideAppealInput, LodgeAppealInput } from "./schemas";

// Appeals (申诉) to the municipal agency (Art. 19): a refused applicant may appeal within 10
// working days of being told; the municipal agency upholds the refusal (final) or returns the
// case to the district for a new review, whose first-review clock starts again.

export const APPEAL_PAGE_SIZE = 20;

/** Why the application was refused: the latest refusing review decision, or the upheld objection's findings. */
export interface Refusal {
  kind: "REVIEW" | "OBJECTION";
  level: "FIRST" | "SECOND" | null;
  decidedAt: Date | null;
  reasons: ReviewReason[];
  articlesCited: string[];
  findings: string | null;
  /** What the applicant was told with the refusal (never the officer's internal note). */
  message: string | null;
}

/**
 * What an application select reads to tell its refusal: the latest refusing review decision and
 * the latest upheld objection of each of its publicity entries, joined into the query that reads
 * the application (one statement, docs/decisions/014).
 */
const refusalSelect = {
  reviewDecisions: {
    where: { outcome: "REJECTED" },
    orderBy: { decidedAt: "desc" },
    take: 1,
    select: { level: true, decidedAt: true, reasons: true, articlesCited: true, applicantMessage: true },
  },
  publicityEntries: {
    select: { objections: { where: { outcome: "UPHELD" }, orderBy: { decidedAt: "desc" }, take: 1, select: { outcomeNote: true, decidedAt: true } } },
  },
} satisfies Prisma.ApplicationSelect;

/** The refusal in force, from what refusalSelect read: the later of the two. */
function refusalOf(app: Prisma.ApplicationGetPayload<{ select: typeof refusalSelect }>): Refusal | null {
  const decision = app.reviewDecisions[0] ?? null;
  const objection =
    app.publicityEntries
      .flatMap((e) => e.objections)
      .sort((a, b) => (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0))[0] ?? null;
  if (objection && (!decision || (objection.decidedAt ?? new Date(0)) > decision.decidedAt)) {
    return { kind: "OBJECTION", level: null, decidedAt: objection.decidedAt, reasons: [], articlesCited: ["19"], findings: objection.outcomeNote, message: null };
  }
  if (!decision) return null;
  const reasons = parseReasons(decision.reasons);
  return {
    kind: "REVIEW",
    level: decision.level,
    decidedAt: decision.decidedAt,
    reasons,
    articlesCited: decision.articlesCited,
    findings: null,
    // Decisions made before applicantMessage existed kept it as an OFFICER_NOTE reason.
    message: decision.applicantMessage ?? reasons.find((r) => r.code === "OFFICER_NOTE")?.message ?? null,
  };
}

export interface AppealPage {
  applicationId: string;
  applicationNo: string;
  status: ApplicationStatus;
  rejectionNotifiedAt: Date | null;
  appealDueDate: ISODate | null;
  today: ISODate;
  /** The application is a refusal open to appeal. */
  isAppealable: boolean;
  /** The appeal window has passed without an appeal (Art. 19: 10 working days from the notice). */
  isLate: boolean;
  refusal: Refusal | null;
  appeals: Array<{ id: string; lodgedAt: Date; status: AppealStatus; decision: AppealDecision | null; decisionReason: string | null; decidedAt: Date | null }>;
  documents: Array<{ id: string; kind: string; fileName: string }>;
  /** What the applicant has uploaded for the appeal being prepared (attached when it is lodged). */
  evidence: Array<{ id: string; kind: string; fileName: string; sizeBytes: number }>;
}

/** The applicant's appeal page for one of their applications; null when not theirs or not found. */
export async function getAppealPage(actor: Actor, applicationNo: string, options: { now?: Date } = {}): Promise<AppealPage | null> {
  const app = await prisma.application.findUnique({
    where: { applicationNo },
    select: {
      id: true,
      applicationNo: true,
      status: true,
      applicantUserId: true,
      rejectionNotifiedAt: true,
      appealDueDate: true,
      appeals: { select: { id: true, lodgedAt: true, status: true, decision: true, decisionReason: true, decidedAt: true }, orderBy: { lodgedAt: "desc" } },
      documents: { where: { appealId: null }, select: { id: true, kind: true, fileName: true, sizeBytes: true, uploadedById: true }, orderBy: { uploadedAt: "desc" } },
      ...refusalSelect,
    },
  });
  if (!app || !can(actor, "appeal:submit", { ownerId: app.applicantUserId })) return null;
  const isEvidence = (d: { kind: string; uploadedById: string | null }) => isAppealDocumentKind(d.kind) && d.uploadedById === actor.id;
  const today = todayCST(options.now ?? clockNow());
  const appealDueDate = app.appealDueDate ? fromDateColumn(app.appealDueDate) : null;
  const isAppealable = isAppealableStatus(app.status) && appealDueDate !== null;
  // Late: the window has passed, whether or not the closing job has made the refusal final yet.
  const windowExpired = app.status === "REJECTED" && app.appeals.length === 0;
  const isLate = appealDueDate !== null && today > appealDueDate && (isAppealable || windowExpired);
  return {
    applicationId: app.id,
    applicationNo: app.applicationNo,
    status: app.status,
    rejectionNotifiedAt: app.rejectionNotifiedAt,
    appealDueDate,
    today,
    isAppealable,
    isLate,
    refusal: refusalOf(app),
    appeals: app.appeals,
    documents: app.documents.filter((d) => !isEvidence(d)).map(({ id, kind, fileName }) => ({ id, kind, fileName })),
    evidence: app.documents.filter(isEvidence).map(({ id, kind, fileName, sizeBytes }) => ({ id, kind, fileName, sizeBytes })),
  };
}

/**
 * Lodges an appeal against a refusal (Art. 19), by the applicant, no later than the appeal due date
 * (CST): late appeals are refused here, whatever the page showed.
 */
export async function lodgeAppeal(actor: Actor, input: LodgeAppealInput, options: { now?: Date } = {}): Promise<{ appealId: string; applicationNo: string }> {
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  return prisma.$transaction(async (tx) => {
    const app = await tx.application.findUnique({
      where: { applicationNo: input.applicationNo },
      select: { id: true, applicationNo: true, status: true, districtCode: true, appealDueDate: true, ...contactSelect },
    });
    if (!app) throw new AppError("NOT_FOUND", { messageKey: "appeals.errors.notFound" });
    assertCan(actor, "appeal:submit", { ownerId: app.applicantUserId });
    const deadline = app.appealDueDate ? fromDateColumn(app.appealDueDate) : null;
    // A refusal made final by the closing job after the window is as late as one still waiting for it.
    const expiredUnappealed = app.status === "REJECTED" && (await tx.appeal.count({ where: { applicationId: app.id } })) === 0;
    if (deadline && today > deadline && (isAppealableStatus(app.status) || expiredUnappealed)) {
      throw new AppError("CONFLICT", { messageKey: "appeals.errors.late", values: { deadline } });
    }
    if (!isAppealableStatus(app.status) || !deadline) {
      throw new AppError("CONFLICT", { messageKey: "appeals.errors.notAppealable" });
    }
    if (input.documentId) {
      const doc = await tx.document.findUnique({ where: { id: input.documentId }, select: { applicationId: true, appealId: true } });
      if (!doc || doc.applicationId !== app.id || doc.appealId !== null) {
        throw new AppError("VALIDATION", { fieldErrors: { documentId: ["appeals.validation.documentInvalid"] } });
      }
    }
    const appeal = await tx.appeal.create({
      data: { applicationId: app.id, appealedStatus: app.status, grounds: input.grounds, lodgedAt: at, deadline: dateColumn(deadline) },
      select: { id: true },
    });
    if (input.documentId) await tx.document.update({ where: { id: input.documentId }, data: { appealId: appeal.id } });
    // What the applicant uploaded for this appeal goes with it.
    await tx.document.updateMany({ where: pendingEvidenceWhere(app.id, actor.id), data: { appealId: appeal.id } });
    await transitionApplication(tx, {
      applicationId: app.id,
      to: "APPEALED",
      actor,
      at,
      action: "appeal.lodge",
      data: { dueDate: null },
      auditData: { from: app.status, to: "APPEALED", appealId: appeal.id, deadline },
    });
    await notifyApplicant(tx, {
      applicationId: app.id,
      ...applicantContact(app),
      templateKey: "appeals.received",
      params: { applicationNo: app.applicationNo },
      dedupeKey: `appeal:${appeal.id}:received`,
      at,
    });
    return { appealId: appeal.id, applicationNo: app.applicationNo };
  });
}

export interface AppealListItem {
  id: string;
  applicationNo: string;
  districtCode: string;
  districtName: string;
  districtNameEn: string;
  applicantName: string;
  maskedResidentId: string;
  appealedStatus: ApplicationStatus;
  lodgedAt: Date;
  deadline: ISODate;
  status: AppealStatus;
  decision: AppealDecision | null;
  decidedAt: Date | null;
}

export interface AppealListPage {
  items: AppealListItem[];
  total: number;
  page: number;
  pageCount: number;
}

/** The columns of an appeal row that both the queue and the detail page read (see toAppealListItem). */
interface AppealListRow {
  id: string;
  appealedStatus: ApplicationStatus;
  lodgedAt: Date;
  deadline: Date;
  status: AppealStatus;
  decision: AppealDecision | null;
  decidedAt: Date | null;
  application: {
    applicationNo: string;
    districtCode: string;
    applicantName: string | null;
    applicantIdMasked: string | null;
  };
}

/** One appeal row as the queue shows it; the detail page extends the same fields, so both read them alike. */
function toAppealListItem(r: AppealListRow): AppealListItem {
  return {
    id: r.id,
    applicationNo: r.application.applicationNo,
    districtCode: r.application.districtCode,
    ...districtNames(r.application.districtCode),
    applicantName: r.application.applicantName ?? "",
    maskedResidentId: r.application.applicantIdMasked ?? "",
    appealedStatus: r.appealedStatus,
    lodgedAt: r.lodgedAt,
    deadline: fromDateColumn(r.deadline),
    status: r.status,
    decision: r.decision,
    decidedAt: r.decidedAt,
  };
}

/** Appeals for the municipal agency: pending (oldest first) or decided (newest first). */
export async function listAppeals(actor: Actor, filter: AppealFilter): Promise<AppealListPage> {
  assertCan(actor, "appeal:decide");
  // The municipal agency's reach: every district, narrowed to the one chosen.
  const scope = scopeWhere(actor, "appeal:decide", "Appeal", { districtCode: filter.district });
  if (scope === NOTHING) return { items: [], total: 0, page: 1, pageCount: 1 };
  const and: Prisma.AppealWhereInput[] = [scope];
  if (filter.status === "pending") and.push({ status: { in: ["LODGED", "UNDER_REVIEW"] } });
  if (filter.status === "decided") and.push({ status: "DECIDED" });
  if (filter.q) {
    and.push({
      OR: [
        { application: { applicationNo: { contains: filter.q, mode: "insensitive" } } },
        { application: { applicantName: { contains: filter.q } } },
      ],
    });
  }
  const where: Prisma.AppealWhereInput = { AND: and };
  const { rows, total, page, pageCount } = await readPage(
    filter.page,
    APPEAL_PAGE_SIZE,
    () => prisma.appeal.count({ where }),
    (window) =>
      prisma.appeal.findMany({
        where,
        select: {
          id: true,
          appealedStatus: true,
          lodgedAt: true,
          deadline: true,
          status: true,
          decision: true,
          decidedAt: true,
          application: {
            select: {
              applicationNo: true,
              districtCode: true,
              applicantName: true,
              applicantIdMasked: true,
            },
          },
        },
        orderBy: filter.status === "decided" ? [{ decidedAt: "desc" }, { id: "asc" }] : [{ status: "asc" }, { lodgedAt: "asc" }, { id: "asc" }],
        ...window,
      }),
  );
  return {
    items: rows.map(toAppealListItem),
    total,
    page,
    pageCount,
  };
}

export interface AppealDetail extends AppealListItem {
  grounds: string;
  decisionReason: string | null;
  decidedByName: string | null;
  applicationStatus: ApplicationStatus;
  refusal: Refusal | null;
  documents: Array<{ id: string; kind: string; fileName: string }>;
}

/** One appeal with the refusal it contests, for the municipal officer who decides it. */
export async function getAppealDetail(actor: Actor, appealId: string): Promise<AppealDetail | null> {
  assertCan(actor, "appeal:decide");
  const r = await prisma.appeal.findUnique({
    where: { id: appealId },
    select: {
      id: true,
      appealedStatus: true,
      grounds: true,
      lodgedAt: true,
      deadline: true,
      status: true,
      decision: true,
      decisionReason: true,
      decidedAt: true,
      decidedBy: { select: { name: true } },
      documents: { select: { id: true, kind: true, fileName: true } },
      application: {
        select: {
          id: true,
          applicationNo: true,
          status: true,
          districtCode: true,
          applicantName: true,
          applicantIdMasked: true,
          ...refusalSelect,
        },
      },
    },
  });
  if (!r || !can(actor, "appeal:decide", { districtCode: r.application.districtCode })) return null;
  return {
    ...toAppealListItem(r),
    grounds: r.grounds,
    decisionReason: r.decisionReason,
    decidedByName: r.decidedBy?.name ?? null,
    applicationStatus: r.application.status,
    refusal: refusalOf(r.application),
    documents: r.documents,
  };
}

/**
 * The municipal agency's decision (Art. 19). UPHELD_REJECTION: the refusal becomes final
 * (REJECTED). RETURNED_FOR_REVIEW: the application goes back to the district's first review
 * (ACCEPTED), due 7 working days after the decision date.
 */
export async function decideAppeal(
  actor: Actor,
  input: DecideAppealInput,
  options: { now?: Date } = {},
): Promise<{ applicationNo: string; status: ApplicationStatus }> {
  assertCan(actor, "appeal:decide");
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  return prisma.$transaction(async (tx) => {
    const appeal = await tx.appeal.findUnique({
      where: { id: input.appealId },
      select: {
        id: true,
        status: true,
        application: { select: { id: true, applicationNo: true, status: true, districtCode: true, ...contactSelect } },
      },
    });
    if (!appeal || !can(actor, "appeal:decide", { districtCode: appeal.application.districtCode })) {
      throw new AppError("NOT_FOUND", { messageKey: "appeals.errors.appealNotFound" });
    }
    if (appeal.status === "DECIDED" || appeal.status === "WITHDRAWN" || appeal.application.status !== "APPEALED") {
      throw new AppError("CONFLICT", { messageKey: "appeals.errors.alreadyDecided" });
    }
    const app = appeal.application;
    // One decision per appeal: a concurrent second decision matches nothing and is refused.
    const decided = await tx.appeal.updateMany({
      where: { id: appeal.id, status: { in: ["LODGED", "UNDER_REVIEW"] } },
      data: { status: "DECIDED", decision: input.decision, decisionReason: input.reason, decidedById: actor.id, decidedAt: at },
    });
    if (decided.count !== 1) throw new AppError("CONFLICT", { messageKey: "appeals.errors.alreadyDecided" });
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "appeal.decide",
        entityType: "Appeal",
        entityId: appeal.id,
        districtCode: app.districtCode,
        reason: input.reason,
        data: { decision: input.decision },
      },
      tx,
    );
    const contact = applicantContact(app);
    if (input.decision === "UPHELD_REJECTION") {
      await transitionApplication(tx, {
        applicationId: app.id,
        to: "REJECTED",
        actor,
        at,
        reason: { text: input.reason, key: "appealUpheld", params: { articles: [APPEAL_ARTICLE] } },
        action: "appeal.upheld_rejection",
        data: { dueDate: null },
        auditData: { from: app.status, to: "REJECTED", appealId: appeal.id },
      });
      await notifyApplicant(tx, {
        applicationId: app.id,
        ...contact,
        templateKey: "appeals.upheld",
        params: { applicationNo: app.applicationNo },
        dedupeKey: `appeal:${appeal.id}:decided`,
        at,
      });
      return { applicationNo: app.applicationNo, status: "REJECTED" as const };
    }
    const firstReviewDueDate = deadlineDate("FIRST_REVIEW", today);
    await transitionApplication(tx, {
      applicationId: app.id,
      to: "ACCEPTED",
      actor,
      at,
      reason: { text: input.reason, key: "appealReturned", params: { articles: [APPEAL_ARTICLE] } },
      action: "appeal.returned_for_review",
      data: {
        firstReviewDueDate: dateColumn(firstReviewDueDate),
        secondReviewDueDate: null,
        dueDate: dateColumn(firstReviewDueDate),
        rejectionNotifiedAt: null,
        appealDueDate: null,
      },
      auditData: { from: app.status, to: "ACCEPTED", appealId: appeal.id, firstReviewDueDate },
    });
    await notifyApplicant(tx, {
      applicationId: app.id,
      ...contact,
      templateKey: "appeals.returned",
      params: { applicationNo: app.applicationNo, dueDate: firstReviewDueDate },
      dedupeKey: `appeal:${appeal.id}:decided`,
      at,
    });
    return { applicationNo: app.applicationNo, status: "ACCEPTED" as const };
  });
}

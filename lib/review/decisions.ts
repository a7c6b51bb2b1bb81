import "server-only";
import { transitionApplication } from "@/lib/applications/transitions";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ApplicationStatus, Prisma, ReviewLevel } from "@/lib/generated/prisma/client";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { deadlineDate, INELIGIBILITY_ARTICLES, type EligibilityResult } from "@/lib/rules";
import { applicantContact, contactSelect, joinArticles, noticeMethodFor, refusalNoticeFields } from "./common";
import type { AcceptInput, ReturnInput, ReviewDecisionInput } from "./schemas";

// Acceptance (受理) and the two-level review (Art. 16, 19). Each decision is one transaction: the
// status change through the state machine (status history + audit), the ReviewDecision row with
// its reasons and articles, and the notice to the applicant through the outbox.

export interface ServiceOptions {
  /** The moment of the decision; tests move it. */
  now?: Date;
}

/** Art. 16 documents: a return for missing documents cites it. */
const DOCUMENTS_ARTICLE = "16";

const decisionAppSelect = {
  id: true,
  applicationNo: true,
  districtCode: true,
  status: true,
  firstReviewDueDate: true,
  secondReviewDueDate: true,
  dueDate: true,
  precheck: true,
  ...contactSelect,
} satisfies Prisma.ApplicationSelect;

type DecisionApp = Prisma.ApplicationGetPayload<{ select: typeof decisionAppSelect }>;

async function loadForDecision(tx: Prisma.TransactionClient, applicationId: string): Promise<DecisionApp> {
  const app = await tx.application.findUnique({ where: { id: applicationId }, select: decisionAppSelect });
  if (!app) throw new AppError("NOT_FOUND", { messageKey: "review.errors.notFound" });
  return app;
}

/** The pre-check stored with the application (lib/rules EligibilityResult), if it is one. */
function asEligibility(value: unknown): EligibilityResult | null {
  return value && typeof value === "object" && Array.isArray((value as { reasons?: unknown }).reasons) ? (value as EligibilityResult) : null;
}

/** The status a decision needs; anything else means someone already decided (or the page is stale). */
function expectStatus(app: DecisionApp, expected: ApplicationStatus, messageKey: string): void {
  if (app.status !== expected) throw new AppError("CONFLICT", { messageKey });
}

/** Accepts (受理) a submitted application: the 7-working-day first review starts (Art. 19). */
export async function acceptApplication(
  actor: Actor,
  input: AcceptInput,
  options: ServiceOptions = {},
): Promise<{ applicationNo: string; firstReviewDueDate: string }> {
  const at = options.now ?? clockNow();
  const firstReviewDueDate = deadlineDate("FIRST_REVIEW", todayCST(at));
  return prisma.$transaction(async (tx) => {
    const app = await loadForDecision(tx, input.applicationId);
    assertCan(actor, "application:accept", { districtCode: app.districtCode });
    expectStatus(app, "SUBMITTED", "review.errors.notAwaitingAcceptance");
    await transitionApplication(tx, {
      applicationId: app.id,
      to: "ACCEPTED",
      actor,
      at,
      action: "review.accept",
      data: { acceptedAt: at, firstReviewDueDate: dateColumn(firstReviewDueDate), dueDate: dateColumn(firstReviewDueDate) },
      auditData: { from: app.status, to: "ACCEPTED", firstReviewDueDate },
    });
    await notifyApplicant(tx, {
      applicationId: app.id,
      ...applicantContact(app),
      templateKey: "review.accepted",
      params: { applicationNo: app.applicationNo, dueDate: firstReviewDueDate },
      dedupeKey: `application:${app.id}:accepted:${at.getTime()}`,
      at,
    });
    return { applicationNo: app.applicationNo, firstReviewDueDate };
  });
}

/** Returns a submitted application to the applicant to complete its documents (Art. 16). */
export async function returnApplication(
  actor: Actor,
  input: ReturnInput,
  options: ServiceOptions = {},
): Promise<{ applicationNo: string; decisionId: string }> {
  const at = options.now ?? clockNow();
  return prisma.$transaction(async (tx) => {
    const app = await loadForDecision(tx, input.applicationId);
    assertCan(actor, "application:accept", { districtCode: app.districtCode });
    expectStatus(app, "SUBMITTED", "review.errors.notAwaitingAcceptance");
    const contact = applicantContact(app);
    const decision = await tx.reviewDecision.create({
      data: {
        applicationId: app.id,
        level: "FIRST",
        officerId: actor.id,
        outcome: "RETURNED",
        reasons: [{ code: "MISSING_DOCUMENTS", article: DOCUMENTS_ARTICLE }],
        articlesCited: [DOCUMENTS_ARTICLE],
        applicantMessage: input.reason,
        // No statutory clock runs before acceptance: the decision is recorded against its own date.
        dueDate: app.dueDate ?? dateColumn(todayCST(at)),
        decidedAt: at,
        notifiedAt: at,
        noticeMethod: noticeMethodFor(contact),
      },
      select: { id: true },
    });
    await transitionApplication(tx, {
      applicationId: app.id,
      to: "RETURNED",
      actor,
      at,
      reason: { text: input.reason, key: "returned", params: { articles: [DOCUMENTS_ARTICLE] } },
      action: "review.return",
      data: { dueDate: null },
      auditData: { from: app.status, to: "RETURNED", decisionId: decision.id },
    });
    await notifyApplicant(tx, {
      applicationId: app.id,
      ...contact,
      templateKey: "review.returned",
      params: { applicationNo: app.applicationNo },
      dedupeKey: `review-decision:${decision.id}`,
      at,
    });
    return { applicationNo: app.applicationNo, decisionId: decision.id };
  });
}

const STAGE: Record<ReviewLevel, { from: ApplicationStatus; passed: ApplicationStatus; rejected: ApplicationStatus; staleKey: string }> = {
  FIRST: { from: "ACCEPTED", passed: "FIRST_REVIEW_PASSED", rejected: "FIRST_REVIEW_REJECTED", staleKey: "review.errors.notAwaitingFirstReview" },
  SECOND: { from: "FIRST_REVIEW_PASSED", passed: "SECOND_REVIEW_PASSED", rejected: "SECOND_REVIEW_REJECTED", staleKey: "review.errors.notAwaitingSecondReview" },
};

export interface ReviewDecisionResult {
  applicationNo: string;
  decisionId: string;
  status: ApplicationStatus;
}

/**
 * A first or second review decision (Art. 19). The second review must be made by an officer other
 * than the one whose first review passed the application. A refusal cites articles, is notified
 * at once (in the portal and by SMS) and opens the 10-working-day appeal window.
 */
export async function decideReview(actor: Actor, input: ReviewDecisionInput, options: ServiceOptions = {}): Promise<ReviewDecisionResult> {
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  const stage = STAGE[input.level];
  return prisma.$transaction(async (tx) => {
    const app = await loadForDecision(tx, input.applicationId);
    assertCan(actor, "application:review", { districtCode: app.districtCode });
    expectStatus(app, stage.from, stage.staleKey);

    if (input.level === "SECOND") {
      const first = await tx.reviewDecision.findFirst({
        where: { applicationId: app.id, level: "FIRST", outcome: "PASSED" },
        orderBy: { decidedAt: "desc" },
        select: { officerId: true },
      });
      if (first?.officerId === actor.id) {
        throw new AppError("CONFLICT", { messageKey: "review.errors.sameOfficer" });
      }
    }

    const dueColumn = input.level === "FIRST" ? app.firstReviewDueDate : app.secondReviewDueDate;
    const dueDate = dueColumn ?? app.dueDate ?? dateColumn(today);
    const contact = applicantContact(app);
    const isRefusal = input.outcome === "REJECTED";
    const articles = isRefusal ? [...new Set(input.reasonCodes.map((code) => INELIGIBILITY_ARTICLES[code]))] : [];
    // Each reason the officer picks carries the application's own figures where the pre-check
    // computed them; a reason found otherwise (say, in shared data) is worded without figures.
    const precheckParams = new Map((asEligibility(app.precheck)?.reasons ?? []).map((r) => [r.code, r.params]));
    const reasons: Prisma.InputJsonValue | undefined = isRefusal
      ? input.reasonCodes.map((code) => {
          const params = precheckParams.get(code);
          return { code, article: INELIGIBILITY_ARTICLES[code], ...(params ? { params } : {}) } as Prisma.InputJsonValue;
        })
      : undefined;
    const applicantMessage = input.reasonText || null;

    const decision = await tx.reviewDecision.create({
      data: {
        applicationId: app.id,
        level: input.level,
        officerId: actor.id,
        outcome: input.outcome,
        reasons,
        articlesCited: articles,
        applicantMessage,
        comment: input.comment || null,
        dueDate,
        decidedAt: at,
        notifiedAt: isRefusal ? at : null,
        noticeMethod: isRefusal ? noticeMethodFor(contact) : null,
      },
      select: { id: true },
    });

    const to = isRefusal ? stage.rejected : stage.passed;
    let data: Prisma.ApplicationUpdateManyMutationInput;
    let templateKey: string;
    let params: Record<string, string>;
    if (isRefusal) {
      const notice = refusalNoticeFields(at);
      data = notice.data;
      templateKey = input.level === "FIRST" ? "review.firstRejected" : "review.secondRejected";
      params = { applicationNo: app.applicationNo, articles: joinArticles(articles), appealDueDate: notice.appealDueDate };
    } else if (input.level === "FIRST") {
      const secondDue = deadlineDate("SECOND_REVIEW", today);
      data = { secondReviewDueDate: dateColumn(secondDue), dueDate: dateColumn(secondDue) };
      templateKey = "review.firstPassed";
      params = { applicationNo: app.applicationNo, dueDate: secondDue };
    } else {
      // Awaiting the next publicity batch: no statutory clock until it is published.
      data = { dueDate: null };
      templateKey = "review.secondPassed";
      params = { applicationNo: app.applicationNo };
    }

    await transitionApplication(tx, {
      applicationId: app.id,
      to,
      actor,
      at,
      // What the applicant is told; the internal comment stays on the decision, for staff only.
      reason: isRefusal ? { text: applicantMessage, key: "refused", params: { articles } } : applicantMessage ? { text: applicantMessage } : null,
      action: `review.${input.level.toLowerCase()}.${input.outcome.toLowerCase()}`,
      data,
      auditData: { from: app.status, to, decisionId: decision.id, dueDate: fromDateColumn(dueDate), articles },
    });
    await notifyApplicant(tx, { applicationId: app.id, ...contact, templateKey, params, dedupeKey: `review-decision:${decision.id}`, at });
    return { applicationNo: app.applicationNo, decisionId: decision.id, status: to };
  });
}

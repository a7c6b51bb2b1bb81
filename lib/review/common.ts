import "server-only";
import type { ApplicationStatus, NoticeMethod, Prisma } from "@/lib/generated/prisma/client";
import { dateColumn, todayCST } from "@/lib/clock";
import { deadlineDate, type ISODate } from "@/lib/rules";

// Pieces shared by review, publicity and appeals: how a refusal is notified (Art. 19: reasons in
// writing or by SMS, appeal within 10 working days of the notice) and who the applicant is.

/** Refusals the applicant may appeal within 10 working days of the notice (Art. 19, lib/rules). */
export { APPEALABLE_STATUSES } from "@/lib/db/application-status";
export { isAppealableStatus, type AppealableStatus } from "@/lib/rules/application-status";

/**
 * The columns a refusal sets: notified now, appeal due on the 10th working day after the notice
 * date (CST), which is also the stage's due date.
 */
export function refusalNoticeFields(now: Date): {
  data: Pick<Prisma.ApplicationUpdateManyMutationInput, "rejectionNotifiedAt" | "appealDueDate" | "dueDate">;
  appealDueDate: ISODate;
} {
  const appealDueDate = deadlineDate("APPEAL", todayCST(now));
  return {
    data: { rejectionNotifiedAt: now, appealDueDate: dateColumn(appealDueDate), dueDate: dateColumn(appealDueDate) },
    appealDueDate,
  };
}

/** The select that `applicantContact` needs. */
export const contactSelect = {
  applicantUserId: true,
  contactPhone: true,
  applicantUser: { select: { phone: true } },
} satisfies Prisma.ApplicationSelect;

export interface ApplicantContact {
  userId: string | null;
  phone: string | null;
}

/** Where to tell the applicant: their portal account and the application's contact phone (or the account's). */
export function applicantContact(app: { applicantUserId: string | null; contactPhone: string | null; applicantUser: { phone: string | null } | null }): ApplicantContact {
  return { userId: app.applicantUserId, phone: app.contactPhone ?? app.applicantUser?.phone ?? null };
}

/** Art. 19: by SMS when there is a phone to send it to, otherwise in writing (the portal notice). */
export function noticeMethodFor(contact: ApplicantContact): NoticeMethod {
  return contact.phone ? "SMS" : "WRITTEN";
}

/** Articles joined for a notice: ["13.4", "13.5"] → "13.4、13.5". */
export function joinArticles(articles: readonly string[]): string {
  return [...new Set(articles)].join("、");
}

import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { isAppealableStatus } from "@/lib/rules/application-status";
import type { ISODate } from "@/lib/rules";

// The working-day due date of an application's current stage (Art. 19), as stored by the services
// that move it (computed there with lib/rules addWorkingDays / deadlineDate). Pure.

export interface StageDeadlines {
  /** First review within 7 working days of acceptance. */
  firstReviewDueDate?: ISODate;
  /** Second review within 5 working days of the first. */
  secondReviewDueDate?: ISODate;
  /** Last day of the 5-working-day publicity. */
  publicityEndDate?: ISODate;
  /** Last day to appeal: 10 working days after the refusal was notified. */
  appealDueDate?: ISODate;
}

export type DeadlineKind = keyof StageDeadlines;

export interface DeadlineSource {
  status: ApplicationStatus;
  dueDate: ISODate | null;
  firstReviewDueDate: ISODate | null;
  secondReviewDueDate: ISODate | null;
  appealDueDate: ISODate | null;
  /** End of the publicity batch the application is on, if any. */
  publicityEndDate: ISODate | null;
}

export { isAppealableStatus };

/** Only the current stage's deadline; empty for stages without one (awaiting acceptance, qualified…). */
export function stageDeadlines(app: DeadlineSource): StageDeadlines {
  switch (app.status) {
    case "ACCEPTED": {
      const d = app.firstReviewDueDate ?? app.dueDate;
      return d ? { firstReviewDueDate: d } : {};
    }
    case "FIRST_REVIEW_PASSED": {
      const d = app.secondReviewDueDate ?? app.dueDate;
      return d ? { secondReviewDueDate: d } : {};
    }
    case "IN_PUBLICITY": {
      const d = app.publicityEndDate ?? app.dueDate;
      return d ? { publicityEndDate: d } : {};
    }
    case "FIRST_REVIEW_REJECTED":
    case "SECOND_REVIEW_REJECTED":
    case "OBJECTION_UPHELD": {
      const d = app.appealDueDate ?? app.dueDate;
      return d ? { appealDueDate: d } : {};
    }
    default:
      return {};
  }
}

/** The one due date of the current stage and what it is for, or null. */
export function currentDeadline(app: DeadlineSource): { kind: DeadlineKind; date: ISODate } | null {
  const entries = Object.entries(stageDeadlines(app)) as [DeadlineKind, ISODate][];
  return entries.length ? { kind: entries[0]![0], date: entries[0]![1] } : null;
}

/** Whether the applicant may still appeal on `today` (CST): refused, and the last day has not passed. */
export function canAppealOn(app: DeadlineSource, today: ISODate): boolean {
  if (!isAppealableStatus(app.status)) return false;
  const due = app.appealDueDate ?? app.dueDate;
  return due !== null && today <= due;
}

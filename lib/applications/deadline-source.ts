import { fromDateColumn } from "@/lib/clock";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeadlineSource } from "./deadlines";

// The columns stageDeadlines needs and how they are read, shared by the applicant's pages
// (queries.ts) and the intake API's status endpoint so both report the same deadlines.

export const deadlineSelect = {
  status: true,
  dueDate: true,
  firstReviewDueDate: true,
  secondReviewDueDate: true,
  appealDueDate: true,
  // The latest published batch the application is on: its end is the publicity deadline.
  publicityEntries: {
    where: { batch: { status: "PUBLISHED" } },
    select: { batch: { select: { endDate: true } } },
    orderBy: { batch: { endDate: "desc" } },
    take: 1,
  },
} satisfies Prisma.ApplicationSelect;

export function toDeadlineSource(app: Prisma.ApplicationGetPayload<{ select: typeof deadlineSelect }>): DeadlineSource {
  const d = (v: Date | null) => (v ? fromDateColumn(v) : null);
  return {
    status: app.status,
    dueDate: d(app.dueDate),
    firstReviewDueDate: d(app.firstReviewDueDate),
    secondReviewDueDate: d(app.secondReviewDueDate),
    appealDueDate: d(app.appealDueDate),
    publicityEndDate: app.publicityEntries[0] ? fromDateColumn(app.publicityEntries[0].batch.endDate) : null,
  };
}

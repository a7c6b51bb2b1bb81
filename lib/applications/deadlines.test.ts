import { describe, expect, it } from "vitest";
import { canAppealOn, currentDeadline, stageDeadlines, type DeadlineSource } from "./deadlines";

const base: DeadlineSource = {
  status: "SUBMITTED",
  dueDate: null,
  firstReviewDueDate: null,
  secondReviewDueDate: null,
  appealDueDate: null,
  publicityEndDate: null,
};

describe("stage deadlines", () => {
  it("names only the current stage's due date", () => {
    expect(stageDeadlines({ ...base, status: "ACCEPTED", firstReviewDueDate: "2026-03-10", dueDate: "2026-03-10" })).toEqual({ firstReviewDueDate: "2026-03-10" });
    expect(stageDeadlines({ ...base, status: "FIRST_REVIEW_PASSED", firstReviewDueDate: "2026-03-10", secondReviewDueDate: "2026-03-17" })).toEqual({
      secondReviewDueDate: "2026-03-17",
    });
    expect(stageDeadlines({ ...base, status: "IN_PUBLICITY", publicityEndDate: "2026-04-01", dueDate: "2026-03-30" })).toEqual({ publicityEndDate: "2026-04-01" });
    expect(stageDeadlines({ ...base, status: "OBJECTION_UPHELD", appealDueDate: "2026-04-20" })).toEqual({ appealDueDate: "2026-04-20" });
    expect(stageDeadlines({ ...base, status: "SUBMITTED" })).toEqual({});
    expect(stageDeadlines({ ...base, status: "QUALIFIED", dueDate: "2026-01-01" })).toEqual({});
  });

  it("falls back on the generic due date", () => {
    expect(currentDeadline({ ...base, status: "ACCEPTED", dueDate: "2026-03-10" })).toEqual({ kind: "firstReviewDueDate", date: "2026-03-10" });
    expect(currentDeadline(base)).toBeNull();
  });

  it("allows an appeal up to and including the last day, only after a refusal", () => {
    const refused = { ...base, status: "FIRST_REVIEW_REJECTED" as const, appealDueDate: "2026-03-20" };
    expect(canAppealOn(refused, "2026-03-20")).toBe(true);
    expect(canAppealOn(refused, "2026-03-21")).toBe(false);
    expect(canAppealOn({ ...refused, status: "REJECTED" }, "2026-03-01")).toBe(false);
    expect(canAppealOn({ ...refused, appealDueDate: null }, "2026-03-01")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { issueVacateOrderSchema, recordMoveOutSchema, recordViolationSchema } from "./leaving-schemas";

// The forms of leaving as the browser sends them: an unticked box is absent, a ticked one "on".

describe("leaving forms", () => {
  const order = { leaseId: "l1", ground: "TERM_ENDED_NO_RENEWAL", deadline: "2027-01-31", reason: "期满未续租" };
  it.each([
    ["absent", undefined, false],
    ["ticked", "on", true],
    ["empty", "", false],
    ["null (a client's values)", null, false],
  ])("the transition box %s reads %s", (_label, value, expected) => {
    const parsed = issueVacateOrderSchema.parse(value === undefined ? order : { ...order, transitionGranted: value });
    expect(parsed.transitionGranted).toBe(expected);
  });

  it.each([
    ["a ground that is not one", { ...order, ground: "NOT_A_GROUND" }, "ground", "leaving.validation.groundRequired"],
    ["VIOLATION, which comes only from a confirmed violation", { ...order, ground: "VIOLATION" }, "ground", "leaving.validation.groundRequired"],
    ["a deadline that is not a date", { ...order, deadline: "2027-02-30" }, "deadline", "leaving.validation.deadlineInvalid"],
    ["no reason", { ...order, reason: "  " }, "reason", "leaving.validation.reasonRequired"],
    ["a box with another value", { ...order, transitionGranted: "yes" }, "transitionGranted", undefined],
  ])("refuses %s", (_label, input, field, message) => {
    const result = issueVacateOrderSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === field);
    expect(issue).toBeDefined();
    if (message) expect(issue!.message).toBe(message);
  });

  it("keeps an internal note optional and an empty one as null", () => {
    const base = { leaseId: "l1", kind: "SUBLET_OR_LEND", detectedOn: "2026-11-20", description: "转租", evidence: "照片" };
    expect(recordViolationSchema.parse(base).internalNote).toBeNull();
    expect(recordViolationSchema.parse({ ...base, internalNote: "  " }).internalNote).toBeNull();
    expect(recordViolationSchema.parse({ ...base, internalNote: "举报人信息保密" }).internalNote).toBe("举报人信息保密");
  });

  it("needs the findings of the move-out check", () => {
    expect(recordMoveOutSchema.safeParse({ leaseId: "l1", vacatedOn: "2026-12-01", findings: "" }).success).toBe(false);
    expect(recordMoveOutSchema.parse({ leaseId: "l1", vacatedOn: "2026-12-01", findings: "完好" }).hasIssues).toBe(false);
  });
});

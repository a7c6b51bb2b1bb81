import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDateArbitrary } from "@/tests/support/arbitraries";
import { isWorkingDay, workingDaysBetween } from "@/lib/rules/working-days";
import { REPAIR_CATEGORIES, REPAIR_RULES, isRepairOverdue, repairResponseDueDate, repairResponsibility } from "./repair-rules";

describe("Art. 35: who repairs and pays", () => {
  it.each([
    ["COMMON_PARTS", "OPERATOR"], // 共有部位、共有设施设备: the operator, from the maintenance fund
    ["UNIT_STRUCTURE", "OPERATOR"],
    ["UNIT_FIXTURE", "OPERATOR"],
    ["CONSUMABLE", "TENANT"], // 承租人负责室内易损易耗设施的维修养护
  ] as const)("%s: %s", (category, who) => {
    expect(repairResponsibility(category)).toBe(who);
    expect(REPAIR_RULES[category].article).toBe("35");
  });
});

describe("response deadlines in working days (State Council calendar)", () => {
  it.each([
    // Monday + 3 working days.
    ["COMMON_PARTS", "NORMAL", "2026-03-02", "2026-03-05"],
    // Friday before the 2026 Spring Festival: Saturday 02-14 is a make-up working day, 02-15..23 are holidays.
    ["COMMON_PARTS", "NORMAL", "2026-02-13", "2026-02-25"],
    // Over the National Day holiday (10-01..07) and the make-up Saturday 10-10.
    ["UNIT_FIXTURE", "NORMAL", "2026-09-30", "2026-10-13"],
    ["UNIT_STRUCTURE", "NORMAL", "2026-03-06", "2026-03-13"],
    ["CONSUMABLE", "NORMAL", "2026-03-02", "2026-03-16"],
    // An emergency by the next calendar day, holiday or not.
    ["COMMON_PARTS", "EMERGENCY", "2026-02-16", "2026-02-17"],
    ["CONSUMABLE", "EMERGENCY", "2026-03-07", "2026-03-08"],
  ] as const)("%s %s reported %s: due %s", (category, urgency, reportedOn, due) => {
    expect(repairResponseDueDate({ category, urgency, reportedOn })).toBe(due);
  });

  it("a deadline is never before the day after the report; a normal one is a working day exactly the category's working days on", () => {
    fc.assert(
      fc.property(isoDateArbitrary({ min: "2024-01-01", max: "2027-12-31" }), fc.constantFrom(...REPAIR_CATEGORIES), fc.constantFrom("NORMAL" as const, "EMERGENCY" as const), (reportedOn, category, urgency) => {
        const due = repairResponseDueDate({ category, urgency, reportedOn });
        expect(due > reportedOn).toBe(true);
        if (urgency === "NORMAL") {
          expect(isWorkingDay(due)).toBe(true);
          expect(workingDaysBetween(reportedOn, due)).toBe(REPAIR_RULES[category].responseWorkingDays);
        }
      }),
    );
  });
});

describe("overdue", () => {
  it.each([
    ["OPEN", "2026-03-05", "2026-03-06", true],
    ["ASSIGNED", "2026-03-05", "2026-03-05", false], // the due date itself is still in time
    ["IN_PROGRESS", "2026-03-05", "2026-03-09", true],
    ["COMPLETED", "2026-03-05", "2026-03-09", false],
    ["CANCELLED", "2026-03-05", "2026-03-09", false],
    ["OPEN", null, "2026-03-09", false],
  ] as const)("%s due %s on %s: %s", (status, dueDate, today, overdue) => {
    expect(isRepairOverdue({ status, dueDate, today })).toBe(overdue);
  });
});

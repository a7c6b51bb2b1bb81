import { describe, expect, it } from "vitest";
import { HELD_UNIT_STATUSES, MANUAL_UNIT_STATUSES, UNIT_STATUSES, manualChangeProblem, manualTargets, type UnitStatusCode } from "./unit-status";

describe("changing a unit's status by hand", () => {
  it.each<[UnitStatusCode, UnitStatusCode, ReturnType<typeof manualChangeProblem>]>([
    ["VACANT", "MAINTENANCE", null],
    ["VACANT", "WITHDRAWN", null],
    ["MAINTENANCE", "VACANT", null],
    ["MAINTENANCE", "WITHDRAWN", null],
    ["WITHDRAWN", "VACANT", null],
    ["VACANT", "VACANT", "SAME_STATUS"],
    // Art. 23: a unit in a published plan is for that plan's households.
    ["RESERVED", "VACANT", "HELD"],
    // An offer waits for the household's answer; a lease holds the unit for its term (Art. 25-26).
    ["OFFERED", "MAINTENANCE", "HELD"],
    ["LEASED", "VACANT", "HELD"],
    ["VACANT", "RESERVED", "NOT_MANUAL"],
    ["VACANT", "OFFERED", "NOT_MANUAL"],
    ["MAINTENANCE", "LEASED", "NOT_MANUAL"],
  ])("%s → %s: %s", (from, to, expected) => {
    expect(manualChangeProblem(from, to)).toBe(expected);
  });

  it("offers every hand-set status but the current one, and none while allocation or a lease holds the unit", () => {
    for (const from of UNIT_STATUSES) {
      const targets = manualTargets(from);
      if ((HELD_UNIT_STATUSES as readonly string[]).includes(from)) expect(targets).toEqual([]);
      else expect(targets).toEqual(MANUAL_UNIT_STATUSES.filter((s) => s !== from));
      for (const to of targets) expect(manualChangeProblem(from, to)).toBeNull();
    }
  });
});

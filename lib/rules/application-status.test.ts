import { describe, expect, it } from "vitest";
import { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { APPEALABLE_STATUSES, CLAIMING_APPLICATION_STATUSES, CLOSED_APPLICATION_STATUSES, claimsMembers, isAppealableStatus } from "./application-status";

describe("application statuses under the Measures", () => {
  it("names only statuses of the data model", () => {
    const all = Object.values(ApplicationStatus) as string[];
    for (const s of [...CLAIMING_APPLICATION_STATUSES, ...APPEALABLE_STATUSES, ...CLOSED_APPLICATION_STATUSES]) expect(all).toContain(s);
  });

  it.each([
    ["DRAFT", false, false],
    ["SUBMITTED", true, false],
    ["RETURNED", true, false],
    ["FIRST_REVIEW_REJECTED", true, true],
    ["SECOND_REVIEW_REJECTED", true, true],
    ["OBJECTION_UPHELD", true, true],
    ["APPEALED", true, false],
    ["QUALIFIED", true, false],
    ["ALLOCATED", true, false],
    // Art. 12: once housed, the lease claims the household, not the application.
    ["HOUSED", false, false],
    ["REJECTED", false, false],
    ["CANCELLED", false, false],
    ["WITHDRAWN", false, false],
  ])("%s: claims its members (Art. 12) %s, appealable (Art. 19) %s", (status, claims, appealable) => {
    expect(claimsMembers(status)).toBe(claims);
    expect(isAppealableStatus(status)).toBe(appealable);
  });

  it("every appealable refusal still claims its members, so no second application races the appeal", () => {
    for (const s of APPEALABLE_STATUSES) expect(claimsMembers(s)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { ApplicationStatus, LeaseStatus } from "@/lib/generated/prisma/enums";
import {
  CLOSED_APPLICATION_STATUSES,
  isOpenApplicationStatus,
  OCCUPYING_LEASE_STATUSES,
  OPEN_APPLICATION_STATUSES,
} from "./application-status";

describe("application status sets (Art. 12)", () => {
  it("classifies every application status exactly once", () => {
    // DRAFT is not yet an application; HOUSED hands the claim over to the lease.
    const classified = [...OPEN_APPLICATION_STATUSES, ...CLOSED_APPLICATION_STATUSES, "DRAFT", "HOUSED"];
    expect([...classified].sort()).toEqual(Object.values(ApplicationStatus).sort());
  });

  it("treats refusals still open to appeal as open (Art. 19)", () => {
    expect(isOpenApplicationStatus("FIRST_REVIEW_REJECTED")).toBe(true);
    expect(isOpenApplicationStatus("APPEALED")).toBe(true);
    expect(isOpenApplicationStatus("REJECTED")).toBe(false);
    expect(isOpenApplicationStatus("DRAFT")).toBe(false);
  });

  it("counts only leases that still house the household", () => {
    expect(Object.values(LeaseStatus).filter((s) => !(OCCUPYING_LEASE_STATUSES as readonly string[]).includes(s))).toEqual([
      "ENDED",
      "TERMINATED",
      // Never signed (Art. 25): it housed nobody.
      "LAPSED",
    ]);
  });
});

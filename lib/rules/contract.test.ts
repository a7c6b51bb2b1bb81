import { describe, expect, it } from "vitest";
import * as rules from "./index";

// Every export named in shared/docs/rules-contract.md, with its kind. Code outside the project
// imports these names; this test fails if one disappears or changes kind.
const CONTRACT_FUNCTIONS = [
  "isValidResidentId", "birthDateFromResidentId", "sexFromResidentId",
  "assessEligibility", "isPriorityHousehold",
  "entitledUnitType", "allowedUnitTypes",
  "isWorkingDay", "addWorkingDays", "workingDaysBetween", "calendarCoverage",
  "rankWaitingList",
  "seedCommitment", "lotteryTicket", "drawLottery",
  "roundFen", "maxStandardRentFen", "lateFeeFen", "unitMismatchRentFen", "vacatingRentMultiplier",
  "grandfatheredRentFen", "reviewedRentFen", "maintenanceFundMinFen",
  "isValidLeaseTermMonths", "leaseEndDate", "latestRenewalDate",
] as const;

describe("the rules contract", () => {
  it.each(CONTRACT_FUNCTIONS)("exports %s as a function", (name) => {
    expect(typeof (rules as Record<string, unknown>)[name]).toBe("function");
  });
  it("exports DEADLINE_WORKING_DAYS with the statutory values", () => {
    expect(rules.DEADLINE_WORKING_DAYS).toEqual({ FIRST_REVIEW: 7, SECOND_REVIEW: 5, PUBLICITY: 5, APPEAL: 10, RECTIFICATION: 15 });
  });
  it("returns the contract's shapes", () => {
    const result = rules.assessEligibility({
      applicationDate: "2025-03-10",
      members: [{ relationship: "APPLICANT", sex: "F", birthDate: "1990-01-01", fullCivilCapacity: true, annualIncomeFen: 0 }],
      employment: "PENSION", ownsUrbanHousingInCity: false, housingFloorAreaM2: 0, lastHousingTransferDate: null,
      familyCanSupportHousing: false, priorityCategories: [], referenceIncomeFen: 5_000_000, bannedUntil: null, memberAlreadyHoused: false,
    });
    expect(Object.keys(result).sort()).toEqual(["eligible", "householdSize", "incomeLimitFen", "perCapitaIncomeFen", "reasons"]);
    const draw = rules.drawLottery({ seed: "x", entrants: [{ applicationNo: "1", priority: false }], units: 1, priorityShare: 0 });
    expect(draw).toEqual({ winners: [{ applicationNo: "1", round: "GENERAL" }], waitlist: [] });
    expect(rules.calendarCoverage()).toEqual({ firstYear: expect.any(Number), lastYear: expect.any(Number) });
  });
});

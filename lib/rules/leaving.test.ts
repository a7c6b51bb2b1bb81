import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, fromDayNumber } from "./dates";
import { eighteenthBirthday } from "./eligibility";
import {
  arrearsInMonths,
  arrearsObligeVacating,
  banUntilDate,
  bannedMembers,
  holdingOverRentPercent,
  termHasEnded,
  transitionAllowed,
  VACATE_GROUND_ARTICLE,
  VACATE_GROUNDS,
  vacateObligationDate,
} from "./leaving";
import { vacatingTransitionEnds } from "./rent";

const isoDate = fc.integer({ min: 7_000, max: 30_000 }).map((n) => fromDayNumber(n));

describe("transition only on the grounds of Art. 38 (and Art. 42, its case of no longer eligible)", () => {
  it.each([
    ["TERM_ENDED_NO_RENEWAL", true, "38.1"],
    ["RENEWAL_REJECTED", true, "38.1"],
    ["NO_LONGER_ELIGIBLE", true, "38.2"],
    ["OTHER_SUBSIDISED_HOUSING", true, "38.3"],
    ["ANNUAL_CHECK_FAILED", true, "42"],
    ["RENT_ARREARS", false, "39"],
    ["VIOLATION", false, "40"],
  ] as const)("%s: transition %s, Art. %s", (ground, allowed, article) => {
    expect(transitionAllowed(ground)).toBe(allowed);
    expect(VACATE_GROUND_ARTICLE[ground]).toBe(article);
  });
  it("covers every ground", () => expect(Object.keys(VACATE_GROUND_ARTICLE).sort()).toEqual([...VACATE_GROUNDS].sort()));
});

describe("the duty to leave arises (Art. 38)", () => {
  const lease = { leaseStart: "2024-01-15", termMonths: 36 }; // last day 2027-01-14
  it.each([
    ["term ended: the day after the last day, whenever the order comes", "TERM_ENDED_NO_RENEWAL", "2027-03-01", "2027-01-15"],
    ["renewal refused before the end: the day after the last day", "RENEWAL_REJECTED", "2026-12-01", "2027-01-15"],
    ["renewal refused after the end: the decision", "RENEWAL_REJECTED", "2027-02-01", "2027-02-01"],
    ["other housing acquired: the decision", "NO_LONGER_ELIGIBLE", "2026-06-30", "2026-06-30"],
    ["arrears: the decision", "RENT_ARREARS", "2026-06-30", "2026-06-30"],
  ] as const)("%s", (_label, ground, decisionDate, expected) => {
    expect(vacateObligationDate(ground, { ...lease, decisionDate })).toBe(expected);
  });
  it.each([
    ["2027-01-14", false],
    ["2027-01-15", true],
  ])("term ended by %s: %s", (on, ended) => expect(termHasEnded("2024-01-15", 36, on)).toBe(ended));
});

describe("rent while holding over (Art. 38: 1.5 x for the 3-month transition, then 2 x)", () => {
  it.each([
    ["within the transition", "2026-12-01", true, "2026-12-01", 150],
    ["last period start before it ends", "2026-11-30", true, "2027-02-27", 150],
    ["the day the transition ends (month-end clamped)", "2026-11-30", true, "2027-02-28", 200],
    ["a period that began before the duty counts from the duty", "2026-12-15", true, "2026-12-01", 150],
    ["no transition granted: 2 x at once", "2026-12-01", false, "2026-12-01", 200],
  ] as const)("%s", (_label, obligationDate, transitionGranted, periodStart, percent) => {
    expect(holdingOverRentPercent({ obligationDate, transitionGranted, periodStart })).toBe(percent);
  });
  it("is 150 exactly before the transition ends and 200 from then on, for every date", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 400 }), (obligation, offset) => {
        const periodStart = addDays(obligation, offset);
        const expected = periodStart < vacatingTransitionEnds(obligation) ? 150 : 200;
        expect(holdingOverRentPercent({ obligationDate: obligation, transitionGranted: true, periodStart })).toBe(expected);
        expect(holdingOverRentPercent({ obligationDate: obligation, transitionGranted: false, periodStart })).toBe(200);
      }),
    );
  });
});

describe("arrears adding up to six months (Art. 39)", () => {
  it.each([
    [0, 50_000, false, 0],
    [299_999, 50_000, false, 5],
    [300_000, 50_000, true, 6],
    [450_000, 50_000, true, 9],
    [100, 0, false, 0],
  ])("%i fen overdue at %i a month: vacate %s (%i months)", (overdue, monthly, vacate, months) => {
    expect(arrearsObligeVacating(overdue, monthly)).toBe(vacate);
    expect(arrearsInMonths(overdue, monthly)).toBe(months);
  });
  it("obliges to leave exactly when the whole months reach six", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (overdue, monthly) => {
        expect(arrearsObligeVacating(overdue, monthly)).toBe(arrearsInMonths(overdue, monthly) >= 6);
      }),
    );
  });
  it("refuses amounts that are not whole fen", () => expect(() => arrearsObligeVacating(1.5, 100)).toThrow());
});

describe("the ban of Art. 40: five years from the return of the unit", () => {
  it.each([
    ["2026-12-02", "2031-12-02"],
    ["2028-02-29", "2033-02-28"],
    ["2026-01-31", "2031-01-31"],
  ])("returned %s: may apply again from %s", (returned, until) => expect(banUntilDate(returned)).toBe(until));

  it("covers every adult on the date, nobody younger", () => {
    const members = [
      { name: "户主", birthDate: "1980-05-01" },
      { name: "配偶", birthDate: "1982-01-01" },
      { name: "子女·刚满18", birthDate: "2008-12-02" },
      { name: "子女·差一天", birthDate: "2008-12-03" },
    ];
    expect(bannedMembers(members, "2026-12-02").map((m) => m.name)).toEqual(["户主", "配偶", "子女·刚满18"]);
  });

  it("counts adulthood exactly as the eligibility rules do", () => {
    fc.assert(
      fc.property(isoDate, isoDate, (birthDate, onDate) => {
        expect(bannedMembers([{ birthDate }], onDate).length === 1).toBe(eighteenthBirthday(birthDate) <= onDate);
      }),
    );
  });

  it("is always later than the return and never more than five years and a day", () => {
    fc.assert(
      fc.property(isoDate, (returned) => {
        const until = banUntilDate(returned);
        expect(until > returned).toBe(true);
        expect(until <= addDays(returned, 5 * 366)).toBe(true);
      }),
    );
  });
});

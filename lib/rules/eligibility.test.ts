import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDateArbitrary } from "@/tests/support/arbitraries";
import { assessEligibility, eighteenthBirthday, isPriorityHousehold, transferWindowEnds } from "./eligibility";
import type { EligibilityInput, HouseholdMember, IneligibilityCode } from "./eligibility-types";
import { INELIGIBILITY_ARTICLES, INELIGIBILITY_MESSAGES, articleLabel, explainIneligibility } from "./explanations";

const R = 5_000_000; // 50,000 yuan a year

function member(over: Partial<HouseholdMember> = {}): HouseholdMember {
  return { relationship: "APPLICANT", sex: "M", birthDate: "1990-05-20", fullCivilCapacity: true, annualIncomeFen: 3_000_000, ...over };
}

function household(over: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    applicationDate: "2025-03-10",
    members: [member()],
    employment: "LABOR_CONTRACT",
    ownsUrbanHousingInCity: false,
    housingFloorAreaM2: 0,
    lastHousingTransferDate: null,
    familyCanSupportHousing: false,
    priorityCategories: [],
    referenceIncomeFen: R,
    bannedUntil: null,
    memberAlreadyHoused: false,
    ...over,
  };
}

function codes(input: EligibilityInput): IneligibilityCode[] {
  return assessEligibility(input).reasons.map((r) => r.code);
}

describe("a household meeting every condition", () => {
  it("is eligible with no reasons", () => {
    const result = assessEligibility(household());
    expect(result).toEqual({ eligible: true, reasons: [], householdSize: 1, perCapitaIncomeFen: 3_000_000, incomeLimitFen: 6_000_000 });
  });
});

describe("Art. 12: one applicant, one application or lease per person", () => {
  it.each<[string, HouseholdMember[], boolean]>([
    ["no applicant", [member({ relationship: "SPOUSE" })], false],
    ["two applicants", [member(), member()], false],
    ["two spouses", [member(), member({ relationship: "SPOUSE", sex: "F" }), member({ relationship: "SPOUSE", sex: "F" })], false],
    ["no members at all", [], false],
    ["an applicant and a spouse", [member(), member({ relationship: "SPOUSE", sex: "F", annualIncomeFen: 0 })], true],
    ["an applicant alone (unmarried, divorced, widowed)", [member()], true],
  ])("%s", (_name, members, valid) => {
    expect(codes(household({ members })).includes("INVALID_HOUSEHOLD")).toBe(!valid);
  });

  it("a member already on another application or lease is refused", () => {
    const result = assessEligibility(household({ memberAlreadyHoused: true }));
    expect(result.reasons).toEqual([expect.objectContaining({ code: "ALREADY_HOUSED", article: "12" })]);
  });
});

describe("Art. 13.1: aged 18 or over on the application date", () => {
  it.each([
    ["the 18th birthday is the application day", "2007-03-10", true],
    ["the 18th birthday is the next day", "2007-03-11", false],
    ["18 the day before", "2007-03-09", true],
    ["born on 29 February: 18 on 28 February of a common year (Civil Code Art. 201)", "2004-02-29", true],
  ])("%s", (_name, birthDate, adult) => {
    const date = birthDate === "2004-02-29" ? "2022-02-28" : "2025-03-10";
    const result = assessEligibility(household({ applicationDate: date, members: [member({ birthDate })] }));
    expect(result.reasons.some((r) => r.code === "UNDER_18")).toBe(!adult);
  });

  it("a 29 February child is under 18 on 27 February of its 18th year", () => {
    expect(codes(household({ applicationDate: "2022-02-27", members: [member({ birthDate: "2004-02-29" })] }))).toEqual(["UNDER_18"]);
    expect(eighteenthBirthday("2004-02-29")).toBe("2022-02-28");
  });

  it("only the applicant's age counts: minor children are co-applicants", () => {
    const members = [member(), member({ relationship: "CHILD", birthDate: "2020-01-01", annualIncomeFen: 0 })];
    expect(codes(household({ members }))).toEqual([]);
  });

  it("the explanation names the date the applicant turns 18", () => {
    const [reason] = assessEligibility(household({ members: [member({ birthDate: "2008-01-15" })] })).reasons;
    expect(reason).toMatchObject({ code: "UNDER_18", article: "13.1", params: { adultOn: "2026-01-15" } });
    expect(reason!.message).toContain("2026-01-15");
    expect(reason!.message).toContain("第十三条第一项");
  });
});

describe("Art. 13.2: full civil capacity", () => {
  it("an applicant without it is refused", () => {
    expect(codes(household({ members: [member({ fullCivilCapacity: false })] }))).toEqual(["NO_FULL_CIVIL_CAPACITY"]);
  });
  it("a co-applicant without it does not bar the household", () => {
    const members = [member(), member({ relationship: "PARENT", fullCivilCapacity: false, birthDate: "1950-01-01", annualIncomeFen: 0 })];
    expect(codes(household({ members }))).toEqual([]);
  });
});

describe("Art. 13.3: stable work and income in Chongqing", () => {
  it.each([
    ["LABOR_CONTRACT", true],
    ["BUSINESS_LICENSE", true],
    ["PENSION", true],
    ["MIGRANT_SOCIAL_INSURANCE", true],
    ["NONE", false],
  ] as const)("%s", (employment, ok) => {
    expect(codes(household({ employment })).includes("NO_STABLE_EMPLOYMENT")).toBe(!ok);
  });
});

describe("Art. 13.4: per-capita income limit by household size", () => {
  const people = (n: number, totalFen: number): HouseholdMember[] => {
    const each = Math.floor(totalFen / n);
    return Array.from({ length: n }, (_, i) =>
      member({ relationship: i === 0 ? "APPLICANT" : i === 1 ? "SPOUSE" : "CHILD", annualIncomeFen: i === 0 ? totalFen - each * (n - 1) : each }),
    );
  };

  it.each([
    // size, total income (fen), limit per person (fen), passes
    [1, 6_000_000, 6_000_000, true], // exactly 1.2 R
    [1, 6_000_001, 6_000_000, false],
    [2, 11_000_000, 5_500_000, true], // exactly 1.1 R each
    [2, 11_000_001, 5_500_000, false], // 5,500,000.5 per person: above by half a fen
    [3, 15_000_000, 5_000_000, true], // exactly R
    [3, 15_000_001, 5_000_000, false], // 5,000,000.33 per person
    [3, 14_999_999, 5_000_000, true],
    [4, 20_000_000, 5_000_000, true],
    [5, 25_000_001, 5_000_000, false],
  ])("%i people earning %i fen in all, limit %i", (size, total, limit, passes) => {
    const result = assessEligibility(household({ members: people(size, total) }));
    expect(result.incomeLimitFen).toBe(limit);
    expect(result.perCapitaIncomeFen).toBe(total / size);
    expect(result.reasons.some((r) => r.code === "INCOME_ABOVE_LIMIT")).toBe(!passes);
  });

  it("the limit is kept unrounded when R x 1.1 is fractional", () => {
    const result = assessEligibility(household({ referenceIncomeFen: 5_000_001, members: people(2, 11_000_002) }));
    expect(result.incomeLimitFen).toBeCloseTo(5_500_001.1, 6);
    expect(result.eligible).toBe(true); // 5,500,001 <= 5,500,001.1
    const above = assessEligibility(household({ referenceIncomeFen: 5_000_001, members: people(2, 11_000_003) }));
    expect(above.eligible).toBe(false); // 5,500,001.5 > 5,500,001.1
  });

  it("adds the household's incomes exactly even past Number.MAX_SAFE_INTEGER", () => {
    // Three incomes near 2^53 fen: a floating-point total is off by 2 fen either way.
    const R2 = 2 ** 53 - 2;
    const three = (deltas: number[]) => deltas.map((d, i) => member({ relationship: i === 0 ? "APPLICANT" : "CHILD", annualIncomeFen: R2 + d }));
    const at = (deltas: number[]) => codes(household({ referenceIncomeFen: R2, members: three(deltas) })).includes("INCOME_ABOVE_LIMIT");
    expect(at([-1, 0, 1])).toBe(false); // exactly R each: passes (the float total is 2 fen above)
    expect(at([1, 0, 0])).toBe(true); // a third of a fen above R: fails (the float total is 2 fen below)
  });

  it("the explanation states the per-capita income and the limit in yuan", () => {
    const [reason] = assessEligibility(household({ members: people(2, 12_000_000) })).reasons;
    expect(reason!.message).toBe(
      "家庭人均年收入 60000.00 元，高于本市上年度城镇居民人均可支配收入的 1.1 倍 55000.00 元（第十三条第四项）。如家庭收入已下降，可凭新的收入证明再申请。",
    );
    expect(explainIneligibility(reason!, "en")).toContain("60000.00 yuan");
  });
});

describe("Art. 13.5: housing owned and recent transfers", () => {
  it.each([
    // owns, floor area, size, adequate
    [true, 15, 1, true], // exactly 15 m2 per person
    [true, 14.99, 1, false],
    [true, 45, 3, true],
    [true, 44.9, 3, false],
    [false, 200, 1, false], // the area only counts when it is urban housing in the city
    [true, 0, 2, false],
    // Compared in whole dm²: binary noise in a figure given to the hundredth decides nothing.
    [true, 30.15 - 15.15, 1, true], // 14.999999999999998 stands for 15.00
    [true, 0.1 * 3 * 150, 3, true], // 45.00000000000001 stands for 45.00
    [true, 44.99, 3, false],
    // A finer figure than the portal keeps is compared exactly as given.
    [true, 44.999, 3, false],
    [true, 45.001, 3, true],
  ])("owns=%s, %f m2 for %i people: adequate=%s", (owns, area, size, adequate) => {
    const members = Array.from({ length: size }, (_, i) => member({ relationship: i === 0 ? "APPLICANT" : "CHILD", annualIncomeFen: 0 }));
    const result = assessEligibility(household({ ownsUrbanHousingInCity: owns, housingFloorAreaM2: area, members }));
    expect(result.reasons.some((r) => r.code === "ADEQUATE_HOUSING")).toBe(adequate);
  });

  it("reports the per-capita floor area to the hundredth of a m², half up", () => {
    const perCapita = (area: number, size: number) => {
      const members = Array.from({ length: size }, (_, i) => member({ relationship: i === 0 ? "APPLICANT" : "CHILD", annualIncomeFen: 0 }));
      return assessEligibility(household({ ownsUrbanHousingInCity: true, housingFloorAreaM2: area, members })).reasons.find((r) => r.code === "ADEQUATE_HOUSING")?.params?.perCapitaAreaM2;
    };
    expect(perCapita(45.01, 2)).toBe(22.51); // 22.505 exactly; (45.01 / 2) × 100 is 2250.4999… in binary
    expect(perCapita(100, 3)).toBe(33.33);
    expect(perCapita(30.15 - 15.15, 1)).toBe(15);
  });

  it.each([
    ["2022-03-10", "2025-03-10", false, "exactly three years before: outside the window"],
    ["2022-03-11", "2025-03-10", true, "a day later: inside"],
    ["2021-02-28", "2024-02-29", false, "three years before a leap day is 28 February"],
    ["2021-03-01", "2024-02-29", true, ""],
    ["2025-03-10", "2025-03-10", true, "on the application day"],
  ])("transfer %s, application %s: recent=%s %s", (transfer, applicationDate, recent) => {
    const result = assessEligibility(household({ lastHousingTransferDate: transfer, applicationDate }));
    expect(result.reasons.some((r) => r.code === "RECENT_HOUSING_TRANSFER")).toBe(recent);
  });

  it("tells from when the household may apply again", () => {
    expect(transferWindowEnds("2023-06-15")).toBe("2026-06-15");
    // 2020-02-29 + 3 years clamps to 2023-02-28, but 2023-02-28 - 3 years is 2020-02-28, before the transfer
    expect(transferWindowEnds("2020-02-29")).toBe("2023-03-01");
    for (const t of ["2020-02-29", "2021-08-31", "2022-12-31"]) {
      const from = transferWindowEnds(t);
      expect(codes(household({ lastHousingTransferDate: t, applicationDate: from }))).toEqual([]);
    }
  });
});

describe("Art. 13.6, Art. 40", () => {
  it("family able to support the household's housing", () => {
    expect(assessEligibility(household({ familyCanSupportHousing: true })).reasons).toEqual([
      expect.objectContaining({ code: "FAMILY_CAN_SUPPORT", article: "13.6" }),
    ]);
  });
  it.each([
    ["2025-03-09", false],
    ["2025-03-10", false], // may apply again from bannedUntil on
    ["2025-03-11", true],
  ])("banned until %s: refused=%s", (bannedUntil, refused) => {
    expect(codes(household({ bannedUntil })).includes("BANNED")).toBe(refused);
  });
});

describe("Art. 14: certified low-income households", () => {
  it.each(["MINIMUM_LIVING", "EXTREME_POVERTY", "MARGINAL_LOW_INCOME"] as const)(
    "%s households have the income and work conditions met by certification",
    (category) => {
      const input = household({ priorityCategories: [category], employment: "NONE", members: [member({ annualIncomeFen: 9_000_000 })] });
      expect(codes(input)).toEqual([]);
      // Every other condition still applies.
      expect(codes({ ...input, ownsUrbanHousingInCity: true, housingFloorAreaM2: 30 })).toEqual(["ADEQUATE_HOUSING"]);
      expect(codes({ ...input, familyCanSupportHousing: true })).toEqual(["FAMILY_CAN_SUPPORT"]);
    },
  );
  it("SPECIAL_CARE gives priority only (Art. 22)", () => {
    const input = household({ priorityCategories: ["SPECIAL_CARE"], employment: "NONE", members: [member({ annualIncomeFen: 9_000_000 })] });
    expect(codes(input)).toEqual(["NO_STABLE_EMPLOYMENT", "INCOME_ABOVE_LIMIT"]);
    expect(isPriorityHousehold(["SPECIAL_CARE"])).toBe(true);
    expect(isPriorityHousehold([])).toBe(false);
  });
});

describe("every failing condition is reported, each with its article", () => {
  it("lists all of them in article order", () => {
    const result = assessEligibility(household({
      members: [member({ birthDate: "2010-01-01", fullCivilCapacity: false, annualIncomeFen: 10_000_000 })],
      employment: "NONE",
      ownsUrbanHousingInCity: true,
      housingFloorAreaM2: 80,
      lastHousingTransferDate: "2024-01-01",
      familyCanSupportHousing: true,
      bannedUntil: "2026-01-01",
      memberAlreadyHoused: true,
    }));
    expect(result.reasons.map((r) => [r.code, r.article])).toEqual([
      ["ALREADY_HOUSED", "12"],
      ["UNDER_18", "13.1"],
      ["NO_FULL_CIVIL_CAPACITY", "13.2"],
      ["NO_STABLE_EMPLOYMENT", "13.3"],
      ["INCOME_ABOVE_LIMIT", "13.4"],
      ["ADEQUATE_HOUSING", "13.5"],
      ["RECENT_HOUSING_TRANSFER", "13.5"],
      ["FAMILY_CAN_SUPPORT", "13.6"],
      ["BANNED", "40"],
    ]);
    expect(result.eligible).toBe(false);
  });

  it("every code has a Chinese and an English explanation naming its article", () => {
    for (const [code, zh] of Object.entries(INELIGIBILITY_MESSAGES["zh-CN"])) {
      expect(zh, code).toMatch(/第[一二三四五六七八九十]+条/);
      expect(INELIGIBILITY_MESSAGES.en[code as IneligibilityCode], code).toMatch(/Art\. \d+/);
    }
  });

  it("eligible iff there are no reasons, for any household", () => {
    const arbMember = fc.record({
      relationship: fc.constantFrom("APPLICANT", "SPOUSE", "CHILD", "PARENT", "SPOUSE_PARENT", "OTHER_DEPENDENT" as const),
      sex: fc.constantFrom("M" as const, "F" as const),
      birthDate: isoDateArbitrary(),
      fullCivilCapacity: fc.boolean(),
      annualIncomeFen: fc.integer({ min: 0, max: 20_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(arbMember, { maxLength: 6 }), fc.boolean(), fc.float({ min: 0, max: 300, noNaN: true }), (members, owns, area) => {
        const result = assessEligibility(household({ members, ownsUrbanHousingInCity: owns, housingFloorAreaM2: area }));
        expect(result.eligible).toBe(result.reasons.length === 0);
        expect(result.householdSize).toBe(members.length);
        for (const r of result.reasons) expect(r.message.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe("invalid input throws a RangeError naming the field", () => {
  it.each<[string, Partial<EligibilityInput>]>([
    ["applicationDate", { applicationDate: "2025-02-29" }],
    ["applicationDate", { applicationDate: "2025/03/10" }],
    ["members[0].birthDate", { members: [member({ birthDate: "1990-13-01" })] }],
    ["members[0].annualIncomeFen", { members: [member({ annualIncomeFen: -1 })] }],
    ["members[0].annualIncomeFen", { members: [member({ annualIncomeFen: 10.5 })] }],
    ["referenceIncomeFen", { referenceIncomeFen: 4_999_999.5 }],
    ["housingFloorAreaM2", { housingFloorAreaM2: -3 }],
    ["lastHousingTransferDate", { lastHousingTransferDate: "2023-02-30" }],
    ["bannedUntil", { bannedUntil: "not a date" }],
    ["employment", { employment: "FREELANCE" as never }],
    ["priorityCategories[0]", { priorityCategories: ["VETERAN" as never] }],
  ])("%s", (field, over) => {
    const call = () => assessEligibility(household(over));
    expect(call).toThrow(RangeError);
    expect(call).toThrow(field);
  });
});

describe("article labels as the Measures write them", () => {
  it.each([
    ["13.4", "第十三条第四项", "Art. 13.4"],
    ["12", "第十二条", "Art. 12"],
    ["40", "第四十条", "Art. 40"],
    ["21", "第二十一条", "Art. 21"],
    ["13.1", "第十三条第一项", "Art. 13.1"],
    ["5", "第五条", "Art. 5"],
  ])("%s -> %s / %s", (article, zh, en) => {
    expect(articleLabel(article, "zh-CN")).toBe(zh);
    expect(articleLabel(article, "en")).toBe(en);
  });
  it("every article an explanation cites has a label matching the explanation's text", () => {
    for (const [code, article] of Object.entries(INELIGIBILITY_ARTICLES)) {
      expect(INELIGIBILITY_MESSAGES["zh-CN"][code as IneligibilityCode], code).toContain(articleLabel(article, "zh-CN"));
    }
  });
});

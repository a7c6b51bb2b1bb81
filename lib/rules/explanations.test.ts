import { describe, expect, it } from "vitest";
import { assessEligibility } from "./eligibility";
import type { EligibilityInput, IneligibilityCode } from "./eligibility-types";
import { INELIGIBILITY_ARTICLES, INELIGIBILITY_MESSAGES_WITHOUT_FIGURES, explainIneligibility, type RulesLocale } from "./explanations";

const CODES = Object.keys(INELIGIBILITY_ARTICLES) as IneligibilityCode[];
const LOCALES: RulesLocale[] = ["zh-CN", "en"];

// A household failing every condition that has figures, so that each of those reasons carries
// the params the rules compute.
const everything: EligibilityInput = {
  applicationDate: "2026-06-01",
  members: [{ relationship: "APPLICANT", sex: "M", birthDate: "2010-03-04", fullCivilCapacity: true, annualIncomeFen: 90_000_00 }],
  employment: "LABOR_CONTRACT",
  ownsUrbanHousingInCity: true,
  housingFloorAreaM2: 40,
  lastHousingTransferDate: "2025-01-15",
  familyCanSupportHousing: true,
  priorityCategories: [],
  referenceIncomeFen: 50_000_00,
  bannedUntil: "2027-01-01",
  memberAlreadyHoused: true,
};
const computed = new Map(assessEligibility(everything).reasons.map((r) => [r.code, r.params]));

describe("explanations never show an unfilled placeholder", () => {
  const variants: Array<[string, (code: IneligibilityCode) => Record<string, unknown> | undefined]> = [
    ["no params (a code an officer picked)", () => undefined],
    ["empty params", () => ({})],
    ["part of the params", (code) => Object.fromEntries(Object.entries(computed.get(code) ?? {}).slice(0, 1))],
    ["the params the rules computed", (code) => computed.get(code) as Record<string, unknown> | undefined],
  ];
  for (const locale of LOCALES) {
    for (const [label, params] of variants) {
      it(`${locale}, ${label}: every code reads as a sentence citing its article`, () => {
        for (const code of CODES) {
          const text = explainIneligibility({ code, params: params(code) as never }, locale);
          expect(text, `${code}`).not.toMatch(/[{}]/);
          expect(text.length, `${code}`).toBeGreaterThan(20);
          expect(text, `${code}`).toContain(locale === "en" ? `Art. ${INELIGIBILITY_ARTICLES[code]}` : "条");
        }
      });
    }
  }

  it("uses the figures when it has them, and the wording without figures otherwise", () => {
    const income = computed.get("INCOME_ABOVE_LIMIT");
    expect(explainIneligibility({ code: "INCOME_ABOVE_LIMIT", params: income }, "zh-CN")).toContain("90000.00");
    expect(explainIneligibility({ code: "INCOME_ABOVE_LIMIT" }, "zh-CN")).toBe(INELIGIBILITY_MESSAGES_WITHOUT_FIGURES["zh-CN"].INCOME_ABOVE_LIMIT);
    expect(explainIneligibility({ code: "UNDER_18", params: computed.get("UNDER_18") }, "en")).toContain("2028-03-04");
  });

  it("has a wording without figures for every message that has figures", () => {
    for (const locale of LOCALES) {
      for (const code of CODES) {
        const bare = explainIneligibility({ code }, locale);
        expect(bare).toBe(INELIGIBILITY_MESSAGES_WITHOUT_FIGURES[locale][code] ?? bare);
      }
    }
  });
});
